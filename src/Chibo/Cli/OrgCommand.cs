using Chibo.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Cli;

/// <summary>
/// <c>chibo org list</c> prints the organisation tree with ids; <c>chibo org move ID --to PARENT_ID</c>
/// re-parents an organisation and its subtree (an administrative reorganisation).
/// </summary>
internal static class OrgCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var host = await CliHost.StartAsync("org", args, [], ["--data", "--to"], stderr);
        if (host is null)
        {
            return ChiboCommandLine.ExitUsage;
        }

        var positionals = host.Args.Positionals;
        if (positionals is ["list"])
        {
            var all = await host.Db.Organisations.AsNoTracking().OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Path, o.Kind }).ToListAsync();
            foreach (var o in all.Where(o => o.Kind is not (Data.Entities.OrganisationKind.SchoolClass or Data.Entities.OrganisationKind.UnionBranch)))
            {
                var depth = o.Path.Count(c => c == '/') - 2;
                await stdout.WriteLineAsync($"{new string(' ', depth * 2)}{o.Name}  [{o.Id}]");
            }

            return ChiboCommandLine.ExitOk;
        }

        if (positionals is ["move", var idText] && Guid.TryParse(idText, out var id) && Guid.TryParse(host.Args.Value("--to"), out var parentId))
        {
            var result = await new MoveOrganisation(host.Db).RunAsync(id, parentId);
            if (!result.IsSuccess)
            {
                await stderr.WriteLineAsync($"chibo org: {result.Errors[0].Message}");
                return ChiboCommandLine.ExitFindings;
            }

            await stdout.WriteLineAsync($"Đã chuyển {result.Value} tổ chức (gồm cả các tổ chức trực thuộc) sang cấp trên mới.");
            return ChiboCommandLine.ExitOk;
        }

        await stderr.WriteLineAsync("chibo org: dùng 'chibo org list' hoặc 'chibo org move ID --to ID_CẤP_TRÊN'.");
        return ChiboCommandLine.ExitUsage;
    }
}
