using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Features.Cases;
using Chibo.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using static Chibo.Features.Imports.ImportSheets;

namespace Chibo.Features.Imports;

/// <summary>A problem of one row (<see cref="Row"/> is its number in the sheet), or of the whole file when Row is 0.</summary>
public sealed record ImportProblem(int Row, string Message)
{
    public override string ToString() => Row == 0 ? Message : $"Dòng {Row}: {Message}";
}

/// <summary>A column of the sheet and the field it is read as (null: left out).</summary>
public sealed record ImportColumn(int Index, string Header, string? Field, bool Recognised);

/// <param name="Mapping">Column index → field key, as the user chose in the mapping step; null maps by header names alone.</param>
/// <param name="CreateClasses">A students sheet into a school: create the classes (and their union branches) it names that the school lacks.</param>
public sealed record ImportRequest(ImportSheet Sheet, Guid OrganisationId, IReadOnlyDictionary<int, string?>? Mapping = null, bool CreateClasses = false);

/// <summary>What an import found or did: the columns as mapped, every problem, and the counts.</summary>
public sealed record ImportReport(
    ImportSheet Sheet,
    int HeaderRow,
    IReadOnlyList<ImportColumn> Columns,
    IReadOnlyList<ImportProblem> Problems,
    int Rows,
    int Created,
    int Updated,
    int Unchanged,
    bool Committed)
{
    public bool CanCommit => Problems.Count == 0 && Rows > 0;

    public static ImportReport Refused(ImportSheet sheet, string message) => new(sheet, 0, [], [new ImportProblem(0, message)], 0, 0, 0, 0, false);
}

/// <summary>
/// Takes in a school's sheet: reads it (streaming, with a row limit), maps its headers, checks every row
/// against the sheet and the database, and either reports (preview) or writes all rows in one transaction
/// (commit). The student code is the key, so importing the same file again changes nothing. The caller
/// checks that the user may import into the organisation; this class keeps every write inside its subtree.
/// </summary>
public sealed class SheetImport(AppDbContext db, AuditLog audit, AuditActor actor, CaseDigests digests, TimeProvider clock)
{
    public async Task<ImportReport> PreviewAsync(Stream file, ImportRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            var (report, _) = await PlanAsync(file, request, cancellationToken);
            return report;
        }
        finally
        {
            // The plan changes tracked entities to compare them; a preview must leave nothing to save.
            db.ChangeTracker.Clear();
        }
    }

    public async Task<ImportReport> CommitAsync(Stream file, ImportRequest request, CancellationToken cancellationToken = default)
    {
        ImportReport? report = null;
        try
        {
            await CommitPlanAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved one of these people between the plan and the write: nothing of the file was kept.
            db.ChangeTracker.Clear();
            return report! with
            {
                Committed = false,
                Problems = [new ImportProblem(0, "Trong lúc nhập, một số bản ghi vừa được người khác sửa. Chưa ghi dòng nào; hãy xem trước và ghi lại.")],
            };
        }

        db.ChangeTracker.Clear();
        return report!;

        Task CommitPlanAsync() => AllOrNothing.RunAsync(db, async () =>
        {
            var (planned, apply) = await PlanAsync(file, request, cancellationToken);
            report = planned;
            if (!planned.CanCommit)
            {
                return [.. planned.Problems.Select(p => p.ToString()).DefaultIfEmpty("Không có dòng dữ liệu nào.")];
            }

            await apply!();
            var changedPeople = db.ChangeTracker.Entries<Person>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
            await db.SaveChangesAsync(cancellationToken);
            await digests.ForgetAppraisalsAsync(changedPeople, cancellationToken);
            await audit.RecordAsync("import", "Sheet", request.Sheet.Slug, new
            {
                sheet = request.Sheet.Title,
                organisationId = request.OrganisationId,
                rows = planned.Rows,
                created = planned.Created,
                updated = planned.Updated,
                unchanged = planned.Unchanged,
            }, cancellationToken);
            report = planned with { Committed = true };
            return [];
        }, cancellationToken);
    }

    private sealed record Counts(int Created, int Updated, int Unchanged);

    private async Task<(ImportReport Report, Func<Task>? Apply)> PlanAsync(Stream file, ImportRequest request, CancellationToken cancellationToken)
    {
        var sheet = request.Sheet;
        var target = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken);
        if (target is null)
        {
            return (ImportReport.Refused(sheet, "Không tìm thấy đơn vị nhận dữ liệu."), null);
        }

        SheetContent content;
        try
        {
            content = SheetReader.Read(file, headers => headers.Select(sheet.Recognise).Where(f => f is not null).Distinct().Count());
        }
        catch (SheetException ex)
        {
            return (ImportReport.Refused(sheet, ex.Message), null);
        }

        var columns = MapColumns(sheet, content.Headers, request.Mapping);
        var fields = new Dictionary<string, int>();
        foreach (var column in columns.Where(c => c.Field is not null))
        {
            fields.TryAdd(column.Field!, column.Index);
        }

        var problems = new List<ImportProblem>();
        var missing = sheet.Required.Where(f => !fields.ContainsKey(f) && !(f == FullName && fields.ContainsKey(FamilyName) && fields.ContainsKey(GivenName))).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ImportProblem(0, $"Thiếu cột bắt buộc: {string.Join(", ", missing.Select(f => sheet.Field(f).Label))}. Hãy chọn cột tương ứng ở bước ghép cột, hoặc dùng tệp mẫu."));
        }

        if (content.Rows.Count == 0)
        {
            problems.Add(new ImportProblem(0, "Trang tính không có dòng dữ liệu nào dưới dòng tiêu đề."));
        }

        if (problems.Count > 0)
        {
            return (new ImportReport(sheet, content.HeaderRowNumber, columns, problems, content.Rows.Count, 0, 0, 0, false), null);
        }

        var rows = content.Rows.Select(r => new ImportRow(r, fields, sheet, problems)).ToList();
        var (counts, apply) = sheet.Kind switch
        {
            ImportKind.Students => await PlanStudentsAsync(rows, target, request.CreateClasses, problems, cancellationToken),
            ImportKind.Classes => await PlanClassesAsync(rows, target, problems, cancellationToken),
            ImportKind.Grades or ImportKind.Conduct or ImportKind.UnionRatings => await PlanTermsAsync(sheet, rows, target, problems, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
        var report = new ImportReport(sheet, content.HeaderRowNumber, columns, [.. problems.OrderBy(p => p.Row)], rows.Count, counts.Created, counts.Updated, counts.Unchanged, false);
        return (report, apply);
    }

    /// <summary>Headers recognised by name, then the user's choices for any column (an empty choice leaves it out).</summary>
    public static IReadOnlyList<ImportColumn> MapColumns(ImportSheet sheet, IReadOnlyList<string> headers, IReadOnlyDictionary<int, string?>? mapping)
    {
        var taken = new HashSet<string>();
        var columns = new List<ImportColumn>();
        for (var i = 0; i < headers.Count; i++)
        {
            var recognised = sheet.Recognise(headers[i])?.Key;
            var field = mapping is not null && mapping.TryGetValue(i, out var chosen)
                ? (string.IsNullOrEmpty(chosen) || sheet.Fields.All(f => f.Key != chosen) ? null : chosen)
                : recognised;
            // A field read from two columns (a header merged across both) is taken from the first only.
            if (field is not null && !taken.Add(field))
            {
                field = null;
            }

            if (headers[i].Length > 0 || field is not null)
            {
                columns.Add(new ImportColumn(i, headers[i], field, recognised is not null && recognised == field));
            }
        }

        return columns;
    }

    private static string Code(string text) => text.Trim().ToUpperInvariant();

    /// <summary>Rows whose key appeared on an earlier row are problems; the first row keeps the key.</summary>
    private static bool IsDuplicate<TKey>(Dictionary<TKey, int> seen, TKey key, ImportRow row, string what) where TKey : notnull
    {
        if (seen.TryGetValue(key, out var first))
        {
            row.Problem($"{what} trùng với dòng {first}.");
            return true;
        }

        seen[key] = row.Line;
        return false;
    }

    private sealed record StudentInput(
        ImportRow Row, string Code, string? Name, DateOnly? DateOfBirth, Gender? Gender, Organisation? Class, Organisation? Branch,
        string? NationalId, string? Phone, string? Email, string? Ethnicity, string? Religion, string? Hometown, string? Residence,
        bool? UnionMember, DateOnly? UnionJoined);

    private async Task<(Counts, Func<Task>)> PlanStudentsAsync(List<ImportRow> rows, Organisation target, bool createClasses, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var units = await db.Organisations.AsNoTracking()
            .Where(o => o.Path.StartsWith(target.Path) && (o.Kind == OrganisationKind.SchoolClass || o.Kind == OrganisationKind.UnionBranch))
            .ToListAsync(cancellationToken);
        var classes = Lookup(units.Where(o => o.Kind == OrganisationKind.SchoolClass));
        var branches = Lookup(units.Where(o => o.Kind == OrganisationKind.UnionBranch));
        var union = createClasses && target.Kind == OrganisationKind.School
            ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.ParentId == target.Id && o.Kind == OrganisationKind.UnionSchool, cancellationToken)
            : null;
        var newUnits = new List<Organisation>();
        Organisation NewUnit(string code, Organisation parent, OrganisationKind kind, string name, Dictionary<string, Organisation> known)
        {
            var unit = new Organisation { Name = name, ShortName = code, Kind = kind, ParentId = parent.Id };
            unit.Path = Organisation.PathOf(parent, unit.Id);
            known[CellText.Key(code)] = unit;
            newUnits.Add(unit);
            return unit;
        }

        var seen = new Dictionary<string, int>();
        var inputs = new List<StudentInput>();
        foreach (var row in rows)
        {
            var before = problems.Count;
            var codeText = row.Required(StudentCode, 40);
            var name = row.Text(FullName);
            if (name is null && !row.Has(FullName) && (row.Text(FamilyName), row.Text(GivenName)) is (var family, { } given))
            {
                name = family is null ? given : $"{family} {given}";
            }

            if (name is null && problems.Count == before)
            {
                row.Problem("Thiếu Họ và tên.");
            }

            name = name is null ? null : string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var classText = row.Required(Class);
            var schoolClass = classText is null ? null : Find(classes, classText);
            if (classText is not null && schoolClass is null && union is not null && classText.Length <= 40)
            {
                var code = classText.Trim();
                schoolClass = NewUnit(code, target, OrganisationKind.SchoolClass, $"Lớp {code}", classes);
                if (Find(branches, code) is null)
                {
                    NewUnit(code, union, OrganisationKind.UnionBranch, $"Chi đoàn {code}", branches);
                }
            }

            if (classText is not null && schoolClass is null)
            {
                row.Problem($"Lớp \"{classText}\" không có trong {target.Name}. Hãy nhập danh sách lớp trước (mẫu \"Lớp và chi đoàn\").");
            }

            var branchText = row.Text(Branch);
            var branch = branchText is not null ? Find(branches, branchText) : schoolClass?.ShortName is { } same ? Find(branches, same) : null;
            if (branchText is not null && branch is null)
            {
                row.Problem($"Chi đoàn \"{branchText}\" không có trong {target.Name}.");
            }

            var nationalId = row.Text(NationalId, 20);
            if (nationalId is not null && !(nationalId.All(char.IsAsciiDigit) && nationalId.Length is 9 or 12))
            {
                row.Problem("Số CCCD phải gồm 12 chữ số (hoặc 9 chữ số với CMND cũ).");
            }

            var input = new StudentInput(row, codeText is null ? "" : Code(codeText), name, row.Date(DateOfBirth),
                row.Choice(ImportSheets.Gender, ImportWords.Gender, "ghi Nam hoặc Nữ"), schoolClass, branch, nationalId, row.Text(Phone, 30), row.Text(Email),
                row.Text(Ethnicity, 50), row.Text(Religion, 50), row.Text(Hometown, 300), row.Text(Residence, 300),
                row.Choice(UnionMember, ImportWords.YesNo, "ghi x, Có hoặc Không"), row.Date(UnionJoined));
            if (codeText is not null && IsDuplicate(seen, input.Code, row, $"Mã sinh viên {input.Code}"))
            {
                continue;
            }

            if (problems.Count == before)
            {
                inputs.Add(input);
            }
        }

        var codes = inputs.Select(i => i.Code).ToList();
        // Read untracked (tracking thousands of unchanged rows costs more than the query); a person
        // is attached only when the row changes it, so the audit log sees each changed field.
        var existing = await db.People.AsNoTracking()
            .Where(p => p.StudentCode != null && EF.Parameter(codes).Contains(p.StudentCode))
            .Select(p => new { Person = p, Path = p.Organisation!.Path })
            .ToDictionaryAsync(p => p.Person.StudentCode!, cancellationToken);
        var created = new List<Person>();
        var updated = 0;
        var unchanged = 0;
        foreach (var input in inputs)
        {
            if (existing.TryGetValue(input.Code, out var found))
            {
                if (found.Path?.StartsWith(target.Path, StringComparison.Ordinal) != true)
                {
                    input.Row.Problem($"Mã sinh viên {input.Code} đã thuộc một đơn vị khác, ngoài {target.Name}.");
                }
                else if (Apply(found.Person, input, write: false))
                {
                    db.People.Attach(found.Person);
                    Apply(found.Person, input, write: true);
                    updated++;
                }
                else
                {
                    unchanged++;
                }

                continue;
            }

            if (input.Gender is null)
            {
                input.Row.Problem("Thiếu Giới tính (bắt buộc với sinh viên mới).");
                continue;
            }

            var fresh = new Person { FullName = input.Name!, StudentCode = input.Code, Gender = input.Gender.Value };
            Apply(fresh, input, write: true);
            created.Add(fresh);
        }

        return (new Counts(created.Count, updated, unchanged), async () =>
        {
            if (newUnits.Count > 0)
            {
                // The new people point at the new classes: those are saved first, in the same transaction.
                db.Organisations.AddRange(newUnits);
                await db.SaveChangesAsync(cancellationToken);
            }

            await InsertAsync(created, p => p.Id.ToString(), cancellationToken);
        });
    }

    /// <summary>
    /// Whether the row's non-empty values differ from the person's, and with <paramref name="write"/> copies them
    /// over. Empty cells keep what is stored.
    /// </summary>
    private static bool Apply(Person person, StudentInput input, bool write)
    {
        var changed = false;
        void SetText(string? value, string? current, Action<string> set)
        {
            if (value is not null && value != current)
            {
                if (write)
                {
                    set(value);
                }

                changed = true;
            }
        }

        void SetValue<T>(T? value, T? current, Action<T> set) where T : struct
        {
            if (value is { } v && !Nullable.Equals(current, value))
            {
                if (write)
                {
                    set(v);
                }

                changed = true;
            }
        }

        SetText(input.Name, person.FullName, v => { person.FullName = v; person.SearchName = SearchText.Fold(v); });
        SetValue(input.DateOfBirth, person.DateOfBirth, v => person.DateOfBirth = v);
        SetValue(input.Gender, person.Gender, v => person.Gender = v);
        SetValue(input.Class?.Id, person.OrganisationId, v => person.OrganisationId = v);
        SetValue(input.Branch?.Id, person.UnionBranchId, v => person.UnionBranchId = v);
        SetText(input.NationalId, person.NationalId, v => person.NationalId = v);
        SetText(input.Phone, person.Phone, v => person.Phone = v);
        SetText(input.Email, person.Email, v => person.Email = v);
        SetText(input.Ethnicity, person.Ethnicity, v => person.Ethnicity = v);
        SetText(input.Religion, person.Religion, v => person.Religion = v);
        SetText(input.Hometown, person.Hometown, v => person.Hometown = v);
        SetText(input.Residence, person.Residence, v => person.Residence = v);
        SetValue(input.UnionMember, person.IsYouthUnionMember, v => person.IsYouthUnionMember = v);
        SetValue(input.UnionJoined, person.YouthUnionJoinedOn, v => person.YouthUnionJoinedOn = v);
        if (write && person.SearchName.Length == 0)
        {
            person.SearchName = SearchText.Fold(person.FullName);
        }

        return changed;
    }

    private async Task<(Counts, Func<Task>)> PlanClassesAsync(List<ImportRow> rows, Organisation target, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var union = target.Kind != OrganisationKind.School ? null
            : await db.Organisations.SingleOrDefaultAsync(o => o.ParentId == target.Id && o.Kind == OrganisationKind.UnionSchool, cancellationToken);
        if (union is null)
        {
            problems.Add(new ImportProblem(0, target.Kind != OrganisationKind.School
                ? $"Danh sách lớp được nhập vào một trường; {target.Name} không phải trường."
                : $"{target.Name} chưa có Đoàn trường để đặt các chi đoàn."));
            return (new Counts(0, 0, 0), () => Task.CompletedTask);
        }

        var units = await db.Organisations
            .Where(o => (o.ParentId == target.Id && o.Kind == OrganisationKind.SchoolClass) || (o.ParentId == union.Id && o.Kind == OrganisationKind.UnionBranch))
            .ToListAsync(cancellationToken);
        var classes = Lookup(units.Where(o => o.Kind == OrganisationKind.SchoolClass));
        var branches = Lookup(units.Where(o => o.Kind == OrganisationKind.UnionBranch));
        var seen = new Dictionary<string, int>();
        var added = new List<Organisation>();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var before = problems.Count;
            var code = row.Required(ClassCode, 40);
            var name = row.Text(ClassName);
            var branchName = row.Text(BranchName);
            if (code is null || IsDuplicate(seen, CellText.Key(code), row, $"Mã lớp {code}") || problems.Count > before)
            {
                continue;
            }

            var changed = false;
            var isNew = false;
            Organisation Ensure(string code, Dictionary<string, Organisation> known, Organisation parent, OrganisationKind kind, string defaultName, string? wanted)
            {
                if (Find(known, code) is { } found)
                {
                    if (wanted is not null && found.Name != wanted)
                    {
                        found.Name = wanted;
                        changed = true;
                    }

                    return found;
                }

                var organisation = new Organisation { Name = wanted ?? defaultName, ShortName = code, Kind = kind, ParentId = parent.Id };
                organisation.Path = Organisation.PathOf(parent, organisation.Id);
                known[CellText.Key(code)] = organisation;
                added.Add(organisation);
                isNew = true;
                return organisation;
            }

            Ensure(code, classes, target, OrganisationKind.SchoolClass, $"Lớp {code}", name);
            Ensure(code, branches, union, OrganisationKind.UnionBranch, $"Chi đoàn {code}", branchName);
            if (isNew)
            {
                created++;
            }
            else if (changed)
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        return (new Counts(created, updated, unchanged), () =>
        {
            db.Organisations.AddRange(added);
            return Task.CompletedTask;
        });
    }

    private sealed record TermInput(ImportRow Row, Guid PersonId, int Year, int Semester, decimal? Gpa, int? Scale, LearningRank? Learning, int? Conduct, (string Name, int From, int To)? Band, UnionRating? Rating);

    private async Task<(Counts, Func<Task>)> PlanTermsAsync(ImportSheet sheet, List<ImportRow> rows, Organisation target, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.Peek(StudentCode)).OfType<string>().Select(Code).Distinct().ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => p.StudentCode != null && EF.Parameter(codes).Contains(p.StudentCode) && p.Organisation!.Path.StartsWith(target.Path))
            .Select(p => new { p.Id, p.StudentCode })
            .ToDictionaryAsync(p => p.StudentCode!, p => p.Id, cancellationToken);
        var seen = new Dictionary<(string, int, int), int>();
        var inputs = new List<TermInput>();
        foreach (var row in rows)
        {
            var before = problems.Count;
            var code = row.Required(StudentCode, 40) is { } text ? Code(text) : null;
            var year = row.Choice(SchoolYear, ImportWords.SchoolYear, "ghi như 2023-2024");
            var semester = row.Choice(Semester, ImportWords.Semester, "ghi 1 hoặc 2");
            if (year is null && row.Text(SchoolYear) is null)
            {
                row.Problem("Thiếu Năm học.");
            }

            if (semester is null && row.Text(Semester) is null)
            {
                row.Problem("Thiếu Học kỳ.");
            }

            var (gpa, scale) = ReadGpa(row);
            var learning = row.Choice(Learning, ImportWords.Learning, "ghi Xuất sắc, Giỏi, Khá, Trung bình hoặc Yếu");
            var conduct = row.Whole(ConductScore, 0, 100);
            var band = row.Choice(ConductRank, ImportWords.ConductBand, "ghi Xuất sắc, Tốt, Khá, Trung bình, Yếu hoặc Kém");
            var rating = row.Choice(ImportSheets.UnionRating, ImportWords.Rating, "ghi Hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ");
            foreach (var field in sheet.Required.Where(f => f is not (StudentCode or SchoolYear or Semester)))
            {
                if (row.Text(field) is null)
                {
                    row.Problem($"Thiếu {sheet.Field(field).Label}.");
                }
            }

            if (conduct is not null && band is { } b && (conduct < b.Item2 || conduct > b.Item3))
            {
                row.Problem($"Điểm rèn luyện {conduct} không khớp xếp loại {b.Item1} ({b.Item2}–{b.Item3} điểm).");
            }

            if (gpa is null && conduct is null && rating is null && learning is null && problems.Count == before)
            {
                row.Problem("Dòng không có điểm hay xếp loại nào để nhập.");
            }

            if (code is null || year is null || semester is null)
            {
                continue;
            }

            if (IsDuplicate(seen, (code, year.Value, semester.Value), row, $"Kết quả của {code} học kỳ {semester} năm học {year}–{year + 1}"))
            {
                continue;
            }

            if (!people.TryGetValue(code, out var personId))
            {
                row.Problem($"Không có sinh viên mã {code} trong {target.Name}. Hãy nhập danh sách sinh viên trước.");
                continue;
            }

            if (problems.Count == before)
            {
                inputs.Add(new TermInput(row, personId, year.Value, semester.Value, gpa, scale, learning, conduct, band, rating));
            }
        }

        var ids = inputs.Select(i => i.PersonId).Distinct().ToList();
        var years = inputs.Select(i => i.Year).Distinct().ToList();
        var terms = await db.StudentTerms
            .Where(t => EF.Parameter(ids).Contains(t.PersonId) && years.Contains(t.SchoolYear))
            .ToDictionaryAsync(t => (t.PersonId, t.SchoolYear, t.Semester), cancellationToken);
        var created = new List<StudentTerm>();
        var updated = 0;
        var unchanged = 0;
        foreach (var input in inputs)
        {
            if (terms.TryGetValue((input.PersonId, input.Year, input.Semester), out var term))
            {
                if (input.Band is { } b && input.Conduct is null && (term.ConductScore < b.From || term.ConductScore > b.To))
                {
                    input.Row.Problem($"Điểm rèn luyện đã lưu ({term.ConductScore}) không khớp xếp loại {b.Name}.");
                }
                else if (Apply(term, input))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }

                continue;
            }

            var lacking = new List<string>();
            if (input.Gpa is null) lacking.Add("điểm trung bình");
            if (input.Learning is null) lacking.Add("xếp loại học tập");
            if (input.Conduct is null) lacking.Add("điểm rèn luyện");
            if (lacking.Count > 0)
            {
                input.Row.Problem($"Học kỳ {input.Semester} năm học {input.Year}–{input.Year + 1} chưa có kết quả; để tạo cần thêm {string.Join(", ", lacking)}.");
                continue;
            }

            var fresh = new StudentTerm { PersonId = input.PersonId, SchoolYear = input.Year, Semester = input.Semester };
            Apply(fresh, input);
            created.Add(fresh);
        }

        return (new Counts(created.Count, updated, unchanged), () => InsertAsync(created, t => t.Id.ToString(), cancellationToken));
    }

    /// <summary>The GPA and its scale: from a "hệ 4" or "hệ 10" column, or the plain column with a scale column or, without one, 4 unless the value is above 4.</summary>
    private static (decimal? Gpa, int? Scale) ReadGpa(ImportRow row)
    {
        if (row.Number(Gpa4, 0, 4) is { } four)
        {
            return (four, 4);
        }

        if (row.Number(Gpa10, 0, 10) is { } ten)
        {
            return (ten, 10);
        }

        var scale = row.Whole(GpaScale, 4, 10);
        if (scale is not (null or 4 or 10))
        {
            row.Problem("Thang điểm phải là 4 hoặc 10.");
            return (null, null);
        }

        var gpa = row.Number(Gpa, 0, scale ?? 10);
        return gpa is null ? (null, null) : (gpa, scale ?? (gpa > 4 ? 10 : 4));
    }

    private static bool Apply(StudentTerm term, TermInput input)
    {
        var changed = false;
        if (input.Gpa is { } gpa && (term.Gpa != Math.Round(gpa, 2) || term.GpaScale != input.Scale))
        {
            term.Gpa = Math.Round(gpa, 2);
            term.GpaScale = input.Scale!.Value;
            changed = true;
        }

        if (input.Learning is { } learning && term.Learning != learning)
        {
            term.Learning = learning;
            changed = true;
        }

        if (input.Conduct is { } conduct && term.ConductScore != conduct)
        {
            term.ConductScore = conduct;
            changed = true;
        }

        if (input.Rating is { } rating && term.UnionRating != rating)
        {
            term.UnionRating = rating;
            changed = true;
        }

        return changed;
    }

    /// <summary>Units by their short name and by their full name, folded.</summary>
    private static Dictionary<string, Organisation> Lookup(IEnumerable<Organisation> units)
    {
        var lookup = new Dictionary<string, Organisation>();
        foreach (var unit in units)
        {
            if (unit.ShortName is not null)
            {
                lookup.TryAdd(CellText.Key(unit.ShortName), unit);
            }

            lookup.TryAdd(CellText.Key(unit.Name), unit);
        }

        return lookup;
    }

    private static Organisation? Find(Dictionary<string, Organisation> lookup, string text) => lookup.GetValueOrDefault(CellText.Key(text));

    /// <summary>
    /// New rows go in through the bulk writer, thousands at a time; their audit entries are written with them,
    /// as the audit interceptor would have, since the bulk path bypasses change tracking.
    /// </summary>
    private async Task InsertAsync<T>(List<T> rows, Func<T, string> id, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var (userId, name) = actor.Current();
        var now = clock.GetUtcNow().UtcDateTime;
        var type = db.Model.FindEntityType(typeof(T))!;
        var properties = type.GetProperties().Where(p => p.Name != nameof(IVersioned.Version)).ToArray();
        var entries = rows.Select(row => new AuditEntry
        {
            At = now,
            UserId = userId,
            Actor = name,
            Action = "create",
            EntityType = typeof(T).Name,
            EntityId = id(row),
            Changes = System.Text.Json.JsonSerializer.Serialize(
                properties.Select(p => (p.Name, Value: p.GetGetter().GetClrValueUsingContainingEntity(row)))
                    .Where(p => p.Value is not null)
                    .ToDictionary(p => p.Name, p => (object)new { after = p.Value }),
                AuditJson.Options),
        });
        await new BulkWriter(db).InsertAsync(rows, cancellationToken);
        // The log's ids are made by the database, which the bulk writer does not leave to it: EF adds these.
        db.AuditEntries.AddRange(entries);
    }
}
