using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Chibo.Domain.Rules;
using UnionRating = Chibo.Domain.Rules.UnionRating;
using Chibo.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Setup;

/// <summary>The thresholds of the school's own students' guidance, as the setup and the settings page edit them.</summary>
public sealed record PolicyInput(string Title, int RecentTerms, LearningGrade MinLearning, int MinConductScore, UnionRating MinUnionRating, int MinSympathizerMonths)
{
    public static PolicyInput From(StudentPolicy policy) =>
        new(policy.Title, policy.RecentTerms, policy.MinLearning, policy.MinConductScore, policy.MinUnionRating, policy.MinSympathizerMonths);

    public StudentPolicy ToPolicy() => StudentPolicy.Example with
    {
        Id = "local-students",
        Title = Title.Trim(),
        IsExample = false,
        RecentTerms = RecentTerms,
        MinLearning = MinLearning,
        MinConductScore = MinConductScore,
        MinUnionRating = MinUnionRating,
        MinSympathizerMonths = MinSympathizerMonths,
    };
}

/// <param name="SuperiorId">An existing superior committee; null to create (or find by name) <paramref name="NewSuperiorName"/>.</param>
/// <param name="Policy">The school's own thresholds; null when the school has no local guidance.</param>
public sealed record OrganisationChoice(
    string? CellName,
    bool IsGrassroots,
    Guid? SuperiorId,
    string? NewSuperiorName,
    OrganisationKind NewSuperiorKind,
    string? SchoolName,
    string? RulebookId,
    PolicyInput? Policy,
    int? ExpectedVersion = null);

/// <summary>
/// The first step of the guided setup, and the settings page's edit of the same choices: the cell, its superior,
/// its school (with the school's Youth Union and student affairs office, which the import and the roles need),
/// the rulebook and the local policy. Organisations are found by name under the same parent before any is
/// created, so running the setup twice never duplicates them; the whole step is one transaction.
/// </summary>
public sealed class SetupOrganisation(AppDbContext db, TimeProvider clock)
{
    public const string Conflict = "SETUP-CONFLICT";

    /// <summary>Kinds a cell's superior may be.</summary>
    public static readonly OrganisationKind[] SuperiorKinds =
    [
        OrganisationKind.CityCommittee, OrganisationKind.DistrictCommittee, OrganisationKind.BlocCommittee,
        OrganisationKind.WardCommittee, OrganisationKind.GrassrootsCommittee,
    ];

    private const int MaxName = 200;

    /// <summary>The installation's setup, or null before anyone started it.</summary>
    public static Task<SetupState?> StateAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.SetupStates.OrderBy(s => s.StartedAt).FirstOrDefaultAsync(cancellationToken);

    public async Task<Result<SetupState>> RunAsync(OrganisationChoice choice, CancellationToken cancellationToken = default)
    {
        var errors = Validate(choice);
        if (errors.Count > 0)
        {
            return Result.Failure<SetupState>(errors);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await SaveAsync(choice, cancellationToken);
            if (result.IsSuccess)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            return result;
        });
    }

    private async Task<Result<SetupState>> SaveAsync(OrganisationChoice choice, CancellationToken cancellationToken)
    {
        var state = await StateAsync(db, cancellationToken);
        if (state is not null && choice.ExpectedVersion is { } expected && state.Version != expected)
        {
            return Result.Failure<SetupState>(new Error(Conflict, "Một người khác vừa đổi thiết lập này. Hãy tải lại trang để xem thay đổi rồi làm lại."));
        }

        Organisation superior;
        if (choice.SuperiorId is { } superiorId)
        {
            var found = await db.Organisations.SingleOrDefaultAsync(o => o.Id == superiorId, cancellationToken);
            if (found is null || !SuperiorKinds.Contains(found.Kind))
            {
                return Result.Failure<SetupState>(new Error("SUPERIOR-NOT-FOUND", "Không tìm thấy cấp ủy cấp trên đã chọn. Hãy chọn lại trong danh sách hoặc nhập tên cấp ủy mới."));
            }

            superior = found;
        }
        else
        {
            superior = await FindOrCreateAsync(Clean(choice.NewSuperiorName)!, choice.NewSuperiorKind, null, false, cancellationToken);
        }

        var cellName = Clean(choice.CellName)!;
        var cell = state?.CellId is { } cellId ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == cellId, cancellationToken) : null;
        if (cell is null)
        {
            cell = await FindOrCreateAsync(cellName, OrganisationKind.Cell, superior, false, cancellationToken);
        }
        else
        {
            cell.Name = cellName;
            if (cell.ParentId != superior.Id)
            {
                if (superior.Path.StartsWith(cell.Path, StringComparison.Ordinal))
                {
                    return Result.Failure<SetupState>(new Error("ORG-CYCLE", "Cấp trên không thể là chính chi bộ hoặc một tổ chức trực thuộc chi bộ."));
                }

                await ReparentAsync(cell, superior, cancellationToken);
            }
        }

        cell.IsGrassroots = choice.IsGrassroots;
        cell.StudentPolicyJson = choice.Policy is null ? null : LocalPolicies.Serialize(choice.Policy.ToPolicy());

        var schoolName = Clean(choice.SchoolName)!;
        var school = state?.SchoolId is { } schoolId ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == schoolId && o.ParentId == cell.Id, cancellationToken) : null;
        if (school is null)
        {
            school = await FindOrCreateAsync(schoolName, OrganisationKind.School, cell, false, cancellationToken);
        }
        else
        {
            school.Name = schoolName;
        }

        // The import puts class branches under the school's union; the student affairs office gets its own role.
        await FindOrCreateAsync($"Đoàn {schoolName}", OrganisationKind.UnionSchool, school, true, cancellationToken);
        await FindOrCreateAsync("Phòng Công tác HSSV", OrganisationKind.Department, school, false, cancellationToken);

        if (state is null)
        {
            state = new SetupState { Step = SetupStep.Organisation, StartedAt = clock.GetUtcNow().UtcDateTime };
            db.SetupStates.Add(state);
        }
        else
        {
            // Every save of these choices raises the version, so a form read before it is a conflict even when
            // only the organisations changed.
            db.Entry(state).State = EntityState.Modified;
        }

        state.CellId = cell.Id;
        state.SchoolId = school.Id;
        state.RulebookId = choice.RulebookId;
        if (state.Step == SetupStep.Organisation)
        {
            state.Step = SetupStep.People;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(state);
    }

    /// <summary>The organisation of that name (or, with <paramref name="byKind"/>, of that kind) under <paramref name="parent"/>, made when missing.</summary>
    private async Task<Organisation> FindOrCreateAsync(string name, OrganisationKind kind, Organisation? parent, bool byKind, CancellationToken cancellationToken)
    {
        var parentId = parent?.Id;
        var local = db.Organisations.Local.FirstOrDefault(o => o.ParentId == parentId && o.Kind == kind && (byKind || o.Name == name));
        var found = local ?? await db.Organisations
            .Where(o => o.ParentId == parentId && o.Kind == kind && (byKind || o.Name == name))
            .OrderBy(o => o.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (found is not null)
        {
            return found;
        }

        var created = new Organisation { Name = name, Kind = kind, ParentId = parentId };
        created.Path = Organisation.PathOf(parent, created.Id);
        db.Organisations.Add(created);
        return created;
    }

    /// <summary>As <c>chibo org move</c>: the subtree's paths are rewritten in the caller's transaction.</summary>
    private async Task ReparentAsync(Organisation cell, Organisation superior, CancellationToken cancellationToken)
    {
        if (db.Entry(superior).State == EntityState.Added)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var oldPath = cell.Path;
        var newPath = Organisation.PathOf(superior, cell.Id);
        cell.ParentId = superior.Id;
        await db.SaveChangesAsync(cancellationToken);
#pragma warning disable CA1845 // translated to SQL: spans have no translation
        await db.Organisations
            .Where(o => o.Path.StartsWith(oldPath))
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Path, o => newPath + o.Path.Substring(oldPath.Length)), cancellationToken);
#pragma warning restore CA1845
        cell.Path = newPath;
        db.Entry(cell).Property(o => o.Path).IsModified = false;
    }

    private static List<Error> Validate(OrganisationChoice choice)
    {
        var errors = new List<Error>();
        void Name(string? value, string field, string what)
        {
            if (Clean(value) is not { } name)
            {
                errors.Add(new Error("NAME-MISSING", $"Hãy nhập tên {what}.", field));
            }
            else if (name.Length > MaxName)
            {
                errors.Add(new Error("NAME-TOO-LONG", $"Tên {what} dài quá {MaxName} ký tự.", field));
            }
        }

        Name(choice.CellName, nameof(choice.CellName), "chi bộ");
        Name(choice.SchoolName, nameof(choice.SchoolName), "trường");
        if (choice.SuperiorId is null)
        {
            Name(choice.NewSuperiorName, nameof(choice.NewSuperiorName), "cấp ủy cấp trên (hoặc chọn một cấp ủy có sẵn)");
            if (!SuperiorKinds.Contains(choice.NewSuperiorKind))
            {
                errors.Add(new Error("SUPERIOR-KIND", "Cấp trên của chi bộ phải là một cấp ủy.", nameof(choice.NewSuperiorKind)));
            }
        }

        if (CaseFiles.Rulebooks.All.All(r => r.Id != choice.RulebookId))
        {
            errors.Add(new Error("RULEBOOK-UNKNOWN", "Hãy chọn quy định đang áp dụng trong danh sách.", nameof(choice.RulebookId)));
        }

        if (choice.Policy is { } policy)
        {
            if (Clean(policy.Title) is not { Length: <= 300 })
            {
                errors.Add(new Error("POLICY-TITLE", "Hãy nhập tên hướng dẫn của trường (không quá 300 ký tự), ví dụ số và ngày ban hành.", "Policy.Title"));
            }

            if (policy.RecentTerms is < 1 or > 12)
            {
                errors.Add(new Error("POLICY-TERMS", "Số học kỳ gần nhất được xét phải từ 1 đến 12.", "Policy.RecentTerms"));
            }

            if (policy.MinConductScore is < 0 or > 100)
            {
                errors.Add(new Error("POLICY-CONDUCT", "Điểm rèn luyện tối thiểu phải từ 0 đến 100.", "Policy.MinConductScore"));
            }

            if (policy.MinSympathizerMonths is < 0 or > 60)
            {
                errors.Add(new Error("POLICY-MONTHS", "Số tháng tối thiểu ở danh sách cảm tình Đảng phải từ 0 đến 60.", "Policy.MinSympathizerMonths"));
            }

            if (!Enum.IsDefined(policy.MinLearning) || !Enum.IsDefined(policy.MinUnionRating))
            {
                errors.Add(new Error("POLICY-LEVEL", "Hãy chọn mức xếp loại trong danh sách.", "Policy"));
            }
        }

        return errors;
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
