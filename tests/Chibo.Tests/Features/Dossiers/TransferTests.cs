using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Features.Cases;
using Chibo.Seeding;
using Chibo.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Features.Dossiers;

/// <summary>
/// A student changes school: the old cell downloads the transfer package, the new cell takes it in, and the
/// case reads the same on both sides. Two schools of the demo stand for two installations.
/// </summary>
public abstract partial class TransferTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DemoApp
{
    private const string StoryCell = "Chi bộ Trường Cao đẳng Y Hà Nội";

    [Fact]
    public async Task APackage_TakenInByAnotherCell_GivesTheSameStageStepsFindingsAndPapers()
    {
        var caseId = await app.TakeCaseAsync(Stage.Applying);
        var scan = await AttachScanAsync(caseId, "1-KNĐ");
        using var oldCell = await SignIn.AsAsync(app.Factory, "bithu");
        var package = await oldCell.GetByteArrayAsync(new Uri($"/ho-so/chuyen?handler=Package&id={caseId}", UriKind.Relative));
        var (newCell, cellId, unitId) = await SignInAsOtherCellSecretaryAsync();

        var preview = await ReadAsync(newCell, cellId, package, "ho-so.zip");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewPage = await preview.Content.ReadAsStringAsync();
        var original = await LoadAsync(caseId);
        Assert.Contains(WebUtility.HtmlEncode(original.Applicant.FullName), previewPage, StringComparison.Ordinal);
        Assert.Contains("1-KNĐ (có bản quét)", previewPage);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.Cases.AnyAsync(c => c.CellId == cellId && c.Person!.FullName == original.Applicant.FullName), "nothing is written before the import is confirmed");
        }

        var imported = await ImportAsync(newCell, previewPage, cellId, unitId);

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var newCaseId = Guid.Parse(imported.Headers.Location!.OriginalString.Split('/')[^1]);
        var copy = await LoadAsync(newCaseId);
        Assert.Equal(cellId, copy.Record.CellId);
        Assert.Equal(original.Record.Stage, copy.Record.Stage);
        Assert.Equal(StepsOf(original), StepsOf(copy));
        Assert.Equal(Appraise(original).Findings.Select(f => f.Rule), Appraise(copy).Findings.Select(f => f.Rule));
        Assert.Equal(Appraise(original).Deadlines, Appraise(copy).Deadlines);
        await using (var db = app.Database.CreateContext())
        {
            var paper = await db.CaseDocuments.SingleAsync(d => d.CaseId == newCaseId && d.FormCode == "1-KNĐ");
            var file = await db.StoredFiles.SingleAsync(f => f.Id == paper.FileId);
            Assert.Equal(scan, file.Content);
            Assert.False(await db.StoredFiles.AnyAsync(f => f.UploadedBy!.StartsWith("chuyen-ho-so:")), "the staged package is gone once taken in");
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "CaseExport" && a.EntityId == caseId.ToString() && a.Action == "view"));
        }

        var caseFile = await newCell.GetStringAsync(new Uri($"/ho-so/{newCaseId}", UriKind.Relative));
        Assert.Contains("theo hồ sơ chuyển đến", caseFile);
    }

    [Fact]
    public async Task TheBareDossier_IsWhatChiboCheckReads_AndAgreesWithTheCaseFile()
    {
        var caseId = await app.TakeCaseAsync(Stage.CellProposed);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var response = await client.GetAsync(new Uri($"/ho-so/chuyen?handler=Dossier&id={caseId}", UriKind.Relative));

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var dossier = DossierReader.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.True(dossier.IsSuccess);
        var original = await LoadAsync(caseId);
        Assert.Equal(StoryCell, dossier.Value.Cell.Name);
        Assert.Equal(original.Case.Steps.Count, dossier.Value.Events.Count);
        var report = Domain.Rules.DossierCheck.Run(dossier.Value, CaseFiles.Rulebooks, CaseFiles.Calendar);
        Assert.Equal(Appraise(original).Findings, report.Findings);
        Assert.Equal(Stage.CellProposed, report.Stage);
    }

    [Fact]
    public async Task AProbationaryMember_ArrivesWithTheMembershipMovedIn()
    {
        var caseId = await app.TakeCaseAsync(Stage.Probationary);
        using var oldCell = await SignIn.AsAsync(app.Factory, "bithu");
        var package = await oldCell.GetByteArrayAsync(new Uri($"/ho-so/chuyen?handler=Package&id={caseId}", UriKind.Relative));
        var (newCell, cellId, unitId) = await SignInAsOtherCellSecretaryAsync();

        var preview = await (await ReadAsync(newCell, cellId, package, "goi.zip")).Content.ReadAsStringAsync();
        var imported = await ImportAsync(newCell, preview, cellId, unitId);

        Assert.True(imported.StatusCode == HttpStatusCode.Redirect, await imported.Content.ReadAsStringAsync());
        await using var db = app.Database.CreateContext();
        var newCaseId = Guid.Parse(imported.Headers.Location!.OriginalString.Split('/')[^1]);
        var newCase = await db.Cases.Include(c => c.Steps).SingleAsync(c => c.Id == newCaseId);
        var membership = await db.Memberships.Include(m => m.Transfers).SingleAsync(m => m.PersonId == newCase.PersonId);
        Assert.Equal(cellId, membership.CellId);
        Assert.Equal(newCase.Steps.Single(s => s.Kind == EventKind.Ceremony).Date, membership.ProbationaryFrom);
        Assert.Equal(StoryCell, Assert.Single(membership.Transfers).OtherOrganisationName);
    }

    [Theory]
    [InlineData("not-a-zip.zip", "PK\u0003\u0004 hỏng", "gói hồ sơ")]
    [InlineData("hoso.json", "{\"format\":\"chibo-dossier/1\",\"asOf\":\"2024-13-01\"}", "$.asOf")]
    [InlineData("anh.json", "GIF89a", "chibo-dossier/1")]
    public async Task BadFiles_AreRefusedWithTheReason_AndNothingIsWritten(string name, string content, string expected)
    {
        var (client, cellId, _) = await SignInAsOtherCellSecretaryAsync();
        int Count(AppDbContext db) => db.Cases.Count();
        await using var before = app.Database.CreateContext();
        var cases = Count(before);

        var response = await ReadAsync(client, cellId, Encoding.UTF8.GetBytes(content), name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, WebUtility.HtmlDecode(page));
        Assert.Contains("role=\"alert\"", page);
        Assert.DoesNotContain("Nhận hồ sơ vào chi bộ", page);
        await using var after = app.Database.CreateContext();
        Assert.Equal(cases, Count(after));
    }

    [Fact]
    public async Task AScanThatDoesNotMatchItsChecksum_RefusesThePackage()
    {
        var caseId = await app.TakeCaseAsync(Stage.Applying);
        await AttachScanAsync(caseId, "2-KNĐ");
        using var oldCell = await SignIn.AsAsync(app.Factory, "bithu");
        var package = await oldCell.GetByteArrayAsync(new Uri($"/ho-so/chuyen?handler=Package&id={caseId}", UriKind.Relative));
        using var tampered = new MemoryStream();
        tampered.Write(package);
        using (var zip = new ZipArchive(tampered, ZipArchiveMode.Update, leaveOpen: true))
        {
            var scan = zip.Entries.Single(e => e.FullName.StartsWith("files/", StringComparison.Ordinal));
            var name = scan.FullName;
            scan.Delete();
            using var stream = zip.CreateEntry(name).Open();
            stream.Write("%PDF-1.4 đã bị sửa"u8);
        }

        var (newCell, cellId, _) = await SignInAsOtherCellSecretaryAsync();
        var page = await (await ReadAsync(newCell, cellId, tampered.ToArray(), "goi.zip")).Content.ReadAsStringAsync();

        Assert.Contains("không khớp mã kiểm tra", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task AMemberWithoutTheCommittee_CannotExport()
    {
        var caseId = await app.TakeCaseAsync(Stage.Applying);
        using var member = await SignIn.AsAsync(app.Factory, "dangvien");

        var response = await member.GetAsync(new Uri($"/ho-so/chuyen?handler=Package&id={caseId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> ReadAsync(HttpClient client, Guid cellId, byte[] file, string name)
    {
        var form = await client.GetStringAsync(new Uri("/ho-so/chuyen", UriKind.Relative));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(cellId.ToString()), "CellId" },
            { new StringContent(SignIn.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "Upload", name },
        };
        return await client.PostAsync(new Uri("/ho-so/chuyen?handler=Read", UriKind.Relative), content);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string preview, Guid cellId, Guid unitId)
    {
        var staged = StagedField().Match(preview);
        Assert.True(staged.Success, "the preview carries the staged package");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Staged"] = staged.Groups[1].Value,
            ["CellId"] = cellId.ToString(),
            ["PersonId"] = "",
            ["UnitId"] = unitId.ToString(),
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(preview),
        });
        return await client.PostAsync(new Uri("/ho-so/chuyen?handler=Import", UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"Staged\" value=\"([0-9a-f-]+)\"|value=\"([0-9a-f-]+)\"[^>]*name=\"Staged\"")]
    private static partial Regex StagedField();

    private async Task<byte[]> AttachScanAsync(Guid caseId, string formCode)
    {
        var scan = Encoding.ASCII.GetBytes($"%PDF-1.4 bản quét {formCode} {caseId}");
        await using var db = app.Database.CreateContext();
        var file = new StoredFile { ContentType = "application/pdf", Size = scan.Length, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(scan)), Content = scan, UploadedAt = DateTime.UtcNow };
        db.StoredFiles.Add(file);
        db.CaseDocuments.Add(new CaseDocument { CaseId = caseId, FormCode = formCode, Status = DocumentStatus.Checked, ReceivedOn = new DateOnly(2024, 2, 1), CheckedOn = new DateOnly(2024, 2, 2), CheckedBy = "Lê Ngọc Biên", FileId = file.Id, FileName = $"{formCode}.pdf" });
        await db.SaveChangesAsync();
        return scan;
    }

    private async Task<LoadedCase> LoadAsync(Guid caseId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CaseFiles>().LoadAsync(caseId))!;
    }

    private static List<(EventKind, DateOnly, string?, VoteCount?, string?)> StepsOf(LoadedCase loaded) =>
        [.. loaded.Case.Steps.OrderBy(s => s.Date).ThenBy(s => s.Kind).Select(s => (s.Kind, s.Date, s.Document?.Number, s.Vote, s.Issuer))];

    private Domain.Rules.CheckReport Appraise(LoadedCase loaded)
    {
        using var scope = app.Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<CaseFiles>().Appraise(loaded.Case);
    }

    /// <summary>The secretary of the other school's cell, with a class of that school for new people.</summary>
    private async Task<(HttpClient Client, Guid CellId, Guid UnitId)> SignInAsOtherCellSecretaryAsync()
    {
        await using var services = app.Database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiboUser>>();
        var otherCell = await db.Organisations.Where(o => o.Kind == OrganisationKind.Cell && o.Name != StoryCell).OrderBy(o => o.Name).FirstAsync();
        var unit = await db.Organisations.Where(o => o.Kind == OrganisationKind.SchoolClass && o.Path.StartsWith(otherCell.Path)).OrderBy(o => o.Name).FirstAsync();
        var userName = $"nhan{Guid.NewGuid():N}"[..20];
        var user = new ChiboUser { UserName = userName, DisplayName = "Bí thư chi bộ nhận" };
        Assert.True((await users.CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded);
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Role.CellSecretary, OrganisationId = otherCell.Id });
        await db.SaveChangesAsync();
        return (await SignIn.AsAsync(app.Factory, userName), otherCell.Id, unit.Id);
    }
}

public sealed class TransferTestsOnSqlite(TwoSchoolsOnSqlite app) : TransferTests<TwoSchoolsOnSqlite>(app);


public sealed class TransferTestsOnPostgres(TwoSchoolsOnPostgres app) : TransferTests<TwoSchoolsOnPostgres>(app);
