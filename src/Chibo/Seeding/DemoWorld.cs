using Chibo.Data;
using Chibo.Data.Entities;

namespace Chibo.Seeding;

/// <summary>The people and organisations of the story that demo accounts and fixtures point at.</summary>
internal sealed record StoryHandles(
    Organisation District,
    Organisation Cell,
    Organisation School,
    Organisation UnionSchool,
    Organisation Class,
    Organisation Branch,
    Person OrganisationDepartmentDeputy,
    Person CellSecretary,
    Person CellDeputy,
    Person OrdinaryMember,
    Person UnionSecretary,
    Person BranchSecretary,
    Person StudentAffairsOfficer,
    Person HomeroomTeacher,
    Person Candidate);

/// <summary>
/// Generates the demo world school by school and writes each school as soon as it is made, so memory
/// stays flat however many students are asked for. One seeded <see cref="Random"/> drives every choice
/// (ids included), so the same options always give the same data.
/// </summary>
internal sealed class DemoWorld(DemoOptions options, TextWriter progress)
{
    private const int SchoolsPerBloc = 40;
    private const int StaffMembersPerSchool = 18;

    private static readonly (string Code, string Name, string Faculty)[] Majors =
    [
        ("N", "Điều dưỡng", "Khoa Điều dưỡng"),
        ("D", "Dược", "Khoa Dược"),
        ("XN", "Kỹ thuật xét nghiệm y học", "Khoa Y học cơ sở"),
        ("HS", "Hộ sinh", "Khoa Điều dưỡng"),
    ];

    private static readonly int[] Cohorts = [2021, 2022, 2023];

    private static readonly string[] OtherSchoolFields =
    [
        "Kinh tế – Kỹ thuật", "Công nghệ", "Sư phạm", "Du lịch", "Xây dựng", "Giao thông vận tải", "Văn hóa Nghệ thuật",
        "Điện tử – Điện lạnh", "Thương mại", "Cơ điện", "Dược", "Nông nghiệp",
    ];

    private readonly Random _random = new(options.Seed);
    private readonly List<Organisation> _organisations = [];
    private readonly List<Person> _people = [];
    private readonly List<Position> _positions = [];
    private readonly List<PartyMembership> _memberships = [];
    private readonly List<StudentTerm> _terms = [];
    private readonly List<CaseRecord> _cases = [];
    private readonly List<CaseStepRecord> _steps = [];
    private readonly List<CaseStageSpan> _spans = [];
    private Organisation? _city;
    private Organisation? _bloc;
    private Organisation? _extraBloc;
    private int _studentsWritten;

    private int SchoolCount => Math.Max(1, (options.Students + DemoSeeder.StudentsPerSchool - 1) / DemoSeeder.StudentsPerSchool);

    /// <summary>The article's organisations and people, and the first school around them.</summary>
    public StoryHandles BuildStory()
    {
        _city = Org("Thành ủy Hà Nội", OrganisationKind.CityCommittee, null, "TU HN");
        var district = Org("Quận ủy Thanh Xuân", OrganisationKind.DistrictCommittee, _city, "QU Thanh Xuân");
        // The district's students guidance (Hướng dẫn 01, 19/01/2023), with the shipped example's thresholds:
        // the real text's numbers are not at hand, so it stays marked as an example to adjust.
        district.StudentPolicyJson = Features.Cases.LocalPolicies.Serialize(Domain.Rules.StudentPolicy.Example with
        {
            Id = "thanh-xuan-01-2023",
            Title = "Hướng dẫn 01 ngày 19/01/2023 của Quận ủy Thanh Xuân về tiêu chuẩn, quy trình kết nạp đảng viên là học sinh, sinh viên (ngưỡng ví dụ, cần đối chiếu văn bản)",
            Source = new Domain.Rules.LegalSource("Hướng dẫn", "01-HD/QU", "Quận ủy Thanh Xuân", new DateOnly(2023, 1, 19)),
        });
        var organisationDepartment = Org("Ban Tổ chức Quận ủy Thanh Xuân", OrganisationKind.Department, district, "BTC QU");
        Org("Trung tâm Chính trị quận Thanh Xuân", OrganisationKind.TrainingCentre, district, "TTCT Thanh Xuân");
        _bloc = Org("Đảng ủy Khối Doanh nghiệp quận Thanh Xuân", OrganisationKind.BlocCommittee, district, "ĐUK DN Thanh Xuân");

        var tien = StoryPerson("Nguyễn Minh Tiến", Gender.Male, new DateOnly(1972, 8, 14), null, organisationDepartment);
        Hold(tien, district, PositionKind.StandingDeputySecretary, "Phó Bí thư Thường trực Quận ủy, Chủ tịch HĐND quận Thanh Xuân", new DateOnly(2020, 10, 1));
        var ha = StoryPerson("Nguyễn Thu Hà", Gender.Female, new DateOnly(1978, 4, 2), null, organisationDepartment);
        Hold(ha, organisationDepartment, PositionKind.OrganisationDepartmentDeputyHead, "Phó Trưởng Ban Tổ chức Quận ủy Thanh Xuân", new DateOnly(2021, 3, 1));
        var minh = StoryPerson("Nguyễn Văn Minh", Gender.Male, new DateOnly(1970, 11, 20), null, organisationDepartment);
        Hold(minh, district, PositionKind.CommitteeMember, "Quận ủy viên", new DateOnly(2020, 10, 1));
        Hold(minh, _bloc, PositionKind.Secretary, "Bí thư Đảng ủy Khối Doanh nghiệp quận Thanh Xuân", new DateOnly(2020, 8, 1));

        var school = BuildSchool(0, "Trường Cao đẳng Y Hà Nội", "CYH", Math.Min(options.Students, DemoSeeder.StudentsPerSchool), _bloc, story: true);
        return school.Story! with { District = district, OrganisationDepartmentDeputy = ha };
    }

    public async Task WriteAsync(BulkWriter writer, CancellationToken cancellationToken)
    {
        await FlushAsync(writer, cancellationToken);
        for (var index = 1; index < SchoolCount; index++)
        {
            var students = Math.Min(DemoSeeder.StudentsPerSchool, options.Students - (index * DemoSeeder.StudentsPerSchool));
            var field = OtherSchoolFields[index % OtherSchoolFields.Length];
            var name = $"Trường Cao đẳng {field} Hà Nội số {index / OtherSchoolFields.Length + 1}";
            BuildSchool(index, name, $"C{index:0000}", students, BlocFor(index), story: false);
            await FlushAsync(writer, cancellationToken);
        }
    }

    private Organisation BlocFor(int schoolIndex)
    {
        if (schoolIndex < SchoolsPerBloc)
        {
            return _bloc!;
        }

        if (schoolIndex % SchoolsPerBloc == 0)
        {
            var number = schoolIndex / SchoolsPerBloc;
            _extraBloc = Org($"Đảng ủy Khối các trường cao đẳng số {number}", OrganisationKind.BlocCommittee, _city, $"ĐUK CĐ {number}");
        }

        return _extraBloc!;
    }

    private async Task FlushAsync(BulkWriter writer, CancellationToken cancellationToken)
    {
        await writer.InsertAsync(_organisations, cancellationToken);
        await writer.InsertAsync(_people, cancellationToken);
        await writer.InsertAsync(_positions, cancellationToken);
        await writer.InsertAsync(_memberships, cancellationToken);
        await writer.InsertAsync(_terms, cancellationToken);
        await writer.InsertAsync(_cases, cancellationToken);
        await writer.InsertAsync(_steps, cancellationToken);
        await writer.InsertAsync(_spans, cancellationToken);
        _organisations.Clear();
        _cases.Clear();
        _steps.Clear();
        _spans.Clear();
        _people.Clear();
        _positions.Clear();
        _memberships.Clear();
        _terms.Clear();
        await progress.WriteLineAsync($"  Đã tạo {_studentsWritten:N0}/{options.Students:N0} sinh viên");
    }

    private sealed record SchoolResult(StoryHandles? Story);

    private SchoolResult BuildSchool(int index, string name, string code, int studentCount, Organisation bloc, bool story)
    {
        var cell = Org($"Chi bộ {name}", OrganisationKind.Cell, bloc, $"CB {code}");
        cell.IsGrassroots = true;
        var school = Org(name, OrganisationKind.School, cell, code);
        var studentAffairs = Org("Phòng Công tác HSSV", OrganisationKind.Department, school);
        var training = Org("Phòng Đào tạo", OrganisationKind.Department, school);
        var faculties = Majors.Select(m => m.Faculty).Distinct().ToDictionary(f => f, f => Org(f, OrganisationKind.Department, school));
        var unionSchool = Org($"Đoàn {name}", OrganisationKind.UnionSchool, school, $"Đoàn {code}");
        var unionCommittee = Org($"Ban Chấp hành Đoàn {name}", OrganisationKind.UnionCommittee, unionSchool);

        // Staff: leaders, an officer per office, and a homeroom teacher per class.
        var since = new DateOnly(2010, 9, 1);
        Person principal, vicePrincipal, chair, secretary, unionSecretary;
        if (story)
        {
            chair = StoryPerson("Lê Đức Mạnh", Gender.Male, new DateOnly(1965, 6, 12), "TS.", school);
            principal = StoryPerson("Lê Trung Hải", Gender.Male, new DateOnly(1958, 2, 25), "GS.TS.", school);
            vicePrincipal = StoryPerson("Đàm Hưng Long", Gender.Male, new DateOnly(1976, 9, 9), "ThS.", school);
            secretary = StoryPerson("Lê Ngọc Biên", Gender.Male, new DateOnly(1974, 5, 17), null, school);
            unionSecretary = StoryPerson("Phạm Thúy Hường", Gender.Female, new DateOnly(1990, 12, 3), null, studentAffairs);
        }
        else
        {
            chair = Staff(school, "TS.");
            principal = Staff(school, "TS.");
            vicePrincipal = Staff(school, "ThS.");
            secretary = Staff(school, "ThS.");
            unionSecretary = Staff(studentAffairs, null, young: true);
        }

        Hold(chair, school, PositionKind.BoardChair, "Chủ tịch Hội đồng quản trị", since);
        Hold(principal, school, PositionKind.Principal, "Hiệu trưởng", since);
        Hold(vicePrincipal, school, PositionKind.VicePrincipal, "Phó Hiệu trưởng", since.AddYears(5));
        Hold(secretary, cell, PositionKind.Secretary, $"Bí thư {cell.Name}", new DateOnly(2020, 7, 1));
        Hold(unionSecretary, unionSchool, PositionKind.UnionSecretary, "Bí thư Đoàn trường", new DateOnly(2022, 10, 1));
        Hold(unionSecretary, unionCommittee, PositionKind.UnionSecretary, "Bí thư Ban Chấp hành Đoàn trường", new DateOnly(2022, 10, 1));

        var deputy = Staff(training, "ThS.");
        Hold(deputy, cell, PositionKind.DeputySecretary, $"Phó Bí thư {cell.Name}", new DateOnly(2020, 7, 1));
        var committeeMember = Staff(faculties["Khoa Điều dưỡng"], "ThS.");
        Hold(committeeMember, cell, PositionKind.CommitteeMember, "Chi ủy viên", new DateOnly(2020, 7, 1));
        var affairsOfficer = Staff(studentAffairs, "CN.");
        Hold(affairsOfficer, studentAffairs, PositionKind.Staff, "Chuyên viên Phòng Công tác HSSV", new DateOnly(2018, 9, 1));

        // Members: the cell leaders, the union secretary and more staff; students come later.
        var memberStaff = new List<Person> { secretary, deputy, committeeMember, unionSecretary };
        if (story)
        {
            memberStaff.AddRange([principal, vicePrincipal]);
        }

        // Classes of about 42, at least three per cohort and major so that K23N3 always exists.
        var perGroup = Math.Max(1, (int)Math.Ceiling(studentCount / (double)(Cohorts.Length * Majors.Length)));
        var classesPerGroup = Math.Max(3, (int)Math.Ceiling(perGroup / 42.0));
        var classes = new List<(Organisation Class, Organisation Branch, int Cohort, string Major, Person Teacher)>();
        foreach (var cohort in Cohorts)
        {
            foreach (var major in Majors)
            {
                for (var n = 1; n <= classesPerGroup; n++)
                {
                    var label = $"K{cohort % 100}{major.Code}{n}";
                    var schoolClass = Org($"Lớp {label}", OrganisationKind.SchoolClass, school, label);
                    var branch = Org($"Chi đoàn {label}", OrganisationKind.UnionBranch, unionSchool, label);
                    var teacher = Staff(faculties[major.Faculty], _random.Next(3) == 0 ? "ThS." : "CN.");
                    Hold(teacher, schoolClass, PositionKind.HomeroomTeacher, $"Giáo viên chủ nhiệm lớp {label}", new DateOnly(cohort, 9, 5));
                    classes.Add((schoolClass, branch, cohort, major.Code, teacher));
                }
            }
        }

        while (memberStaff.Count < StaffMembersPerSchool)
        {
            var teacher = classes[_random.Next(classes.Count)].Teacher;
            if (!memberStaff.Contains(teacher))
            {
                memberStaff.Add(teacher);
            }
        }

        foreach (var member in memberStaff)
        {
            var official = member == secretary ? new DateOnly(2006, 5, 19)
                : member == unionSecretary ? new DateOnly(2014, 3, 26)
                : new DateOnly(1995 + _random.Next(25), 1 + _random.Next(12), 1 + _random.Next(28));
            Member(member, cell, official.AddYears(-1), official);
        }

        // Students, spread over the classes in turn.
        var seq = 0;
        var firstOfClass = new Dictionary<Organisation, List<Person>>();
        var candidates = new List<(Person Student, DateOnly StartedSchool)>();
        for (var i = 0; i < studentCount; i++)
        {
            var (schoolClass, branch, cohort, major, _) = classes[i % classes.Count];
            var student = Student(schoolClass, branch, cohort, $"{code}{cohort % 100}{major}{++seq:00000}");
            if (student.IsYouthUnionMember && _random.Next(100) < 30)
            {
                candidates.Add((student, new DateOnly(cohort, 9, 5)));
            }

            if (!firstOfClass.TryGetValue(schoolClass, out var list))
            {
                firstOfClass[schoolClass] = list = [];
            }

            if (list.Count < 3)
            {
                list.Add(student);
            }
        }

        foreach (var (schoolClass, branch, _, _, _) in classes)
        {
            if (firstOfClass.TryGetValue(schoolClass, out var list))
            {
                Hold(list[0], branch, PositionKind.BranchSecretary, $"Bí thư {branch.Name}", new DateOnly(2023, 10, 1));
            }
        }

        _studentsWritten += studentCount;
        var k23n3 = classes.First(c => c.Class.ShortName == "K23N3");
        var k23n3Students = firstOfClass.GetValueOrDefault(k23n3.Class) ?? [];
        var candidate = k23n3Students.ElementAtOrDefault(2);

        // The student who spoke at the meeting was already on probation, admitted before the cell used Chibo.
        if (story)
        {
            var vi = StoryStudent("Nguyễn Trịnh Yến Vi", Gender.Female, new DateOnly(2005, 7, 22), k23n3.Class, k23n3.Branch, $"{code}23N00000");
            Member(vi, cell, new DateOnly(2024, 1, 9), official: null);
        }

        // Candidates on every stage of the road, drawn from the oldest cohorts first.
        var cases = new DemoCases(_random, DemoSeeder.StoryDate);
        var cellMembers = _memberships.Where(m => m.CellId == cell.Id).Join(_people, m => m.PersonId, p => p.Id, (m, p) => (p, m.OfficialFrom)).ToList();
        cases.Generate(cell, [.. candidates.OrderBy(c => c.StartedSchool)], cellMembers, studentCount, NewId,
            candidate is null ? null : (candidate, new DateOnly(2023, 9, 5)), generated: !story);
        _cases.AddRange(cases.Cases);
        _steps.AddRange(cases.Steps);
        _spans.AddRange(cases.Spans);
        _memberships.AddRange(cases.Memberships);

        if (!story)
        {
            return new SchoolResult(null);
        }

        var placeholder = secretary;
        return new SchoolResult(new StoryHandles(
            District: cell, Cell: cell, School: school, UnionSchool: unionSchool, Class: k23n3.Class, Branch: k23n3.Branch,
            OrganisationDepartmentDeputy: placeholder, CellSecretary: secretary, CellDeputy: deputy, OrdinaryMember: memberStaff[^1],
            UnionSecretary: unionSecretary, BranchSecretary: k23n3Students.ElementAtOrDefault(0) ?? secretary,
            StudentAffairsOfficer: affairsOfficer, HomeroomTeacher: k23n3.Teacher, Candidate: candidate ?? secretary));
    }

    private Organisation Org(string name, OrganisationKind kind, Organisation? parent, string? shortName = null)
    {
        var organisation = new Organisation { Id = NewId(), Name = name, Kind = kind, ParentId = parent?.Id, ShortName = shortName };
        organisation.Path = Organisation.PathOf(parent, organisation.Id);
        _organisations.Add(organisation);
        return organisation;
    }

    private Person StoryPerson(string name, Gender gender, DateOnly dateOfBirth, string? title, Organisation unit)
    {
        var person = NewPerson(name, gender, dateOfBirth, unit);
        person.AcademicTitle = title;
        return person;
    }

    private Person Staff(Organisation unit, string? title, bool young = false)
    {
        var gender = _random.Next(100) < 62 ? Gender.Female : Gender.Male;
        var birthYear = young ? 1988 + _random.Next(8) : 1965 + _random.Next(28);
        var person = NewPerson(VietnameseNames.FullName(_random, gender), gender, new DateOnly(birthYear, 1 + _random.Next(12), 1 + _random.Next(28)), unit);
        person.AcademicTitle = title;
        return person;
    }

    private Person StoryStudent(string name, Gender gender, DateOnly dateOfBirth, Organisation schoolClass, Organisation branch, string studentCode)
    {
        var person = NewPerson(name, gender, dateOfBirth, schoolClass);
        MakeStudent(person, branch, 2023, studentCode);
        return person;
    }

    private Person Student(Organisation schoolClass, Organisation branch, int cohort, string studentCode)
    {
        var gender = _random.Next(100) < 72 ? Gender.Female : Gender.Male;
        var birthYear = cohort - 18 - (_random.Next(10) == 0 ? 1 + _random.Next(3) : 0);
        var person = NewPerson(VietnameseNames.FullName(_random, gender), gender, new DateOnly(birthYear, 1 + _random.Next(12), 1 + _random.Next(28)), schoolClass);
        MakeStudent(person, branch, cohort, studentCode);
        return person;
    }

    private void MakeStudent(Person person, Organisation branch, int cohort, string studentCode)
    {
        person.StudentCode = studentCode;
        person.Email = $"{studentCode.ToLowerInvariant()}@sv.example.edu.vn";
        person.UnionBranchId = branch.Id;
        person.IsYouthUnionMember = _random.Next(100) < 95;
        person.YouthUnionJoinedOn = person.IsYouthUnionMember ? new DateOnly(person.DateOfBirth!.Value.Year + 16, 3, 26) : null;

        // Terms finished by the story date: two a year since the cohort began, the last one in January.
        var ability = Math.Clamp(2.9 + (Gaussian() * 0.45), 1.6, 4.0);
        var conduct = Math.Clamp(80 + (Gaussian() * 8), 45, 100);
        for (var year = cohort; year <= 2023; year++)
        {
            for (var semester = 1; semester <= (year == 2023 ? 1 : 2); semester++)
            {
                var gpa = Math.Round((decimal)Math.Clamp(ability + (Gaussian() * 0.2), 1.0, 4.0), 2);
                var score = (int)Math.Round(Math.Clamp(conduct + (Gaussian() * 5), 30, 100));
                _terms.Add(new StudentTerm
                {
                    Id = NewId(),
                    PersonId = person.Id,
                    SchoolYear = year,
                    Semester = semester,
                    Gpa = gpa,
                    GpaScale = 4,
                    Learning = gpa >= 3.6m ? LearningRank.Excellent : gpa >= 3.2m ? LearningRank.VeryGood : gpa >= 2.5m ? LearningRank.Good : gpa >= 2.0m ? LearningRank.Average : LearningRank.Weak,
                    ConductScore = score,
                    UnionRating = !person.IsYouthUnionMember ? null
                        : score >= 90 && gpa >= 3.2m ? Data.Entities.UnionRating.Outstanding
                        : score >= 80 ? Data.Entities.UnionRating.Good
                        : score >= 50 ? Data.Entities.UnionRating.Completed
                        : Data.Entities.UnionRating.NotCompleted,
                });
            }
        }
    }

    private Person NewPerson(string name, Gender gender, DateOnly dateOfBirth, Organisation unit)
    {
        var (province, provinceCode) = VietnameseNames.Pick(_random, VietnameseNames.Provinces);
        var person = new Person
        {
            Id = NewId(),
            FullName = name,
            SearchName = SearchText.Fold(name),
            Gender = gender,
            DateOfBirth = dateOfBirth,
            Ethnicity = VietnameseNames.Ethnicity(_random),
            Religion = _random.Next(100) < 92 ? "Không" : VietnameseNames.Pick(_random, ["Phật giáo", "Công giáo"]),
            NationalId = VietnameseNames.NationalId(_random, provinceCode, gender, dateOfBirth),
            Phone = $"09{_random.Next(0, 100_000_000):00000000}",
            Hometown = province,
            Residence = VietnameseNames.HanoiResidence(_random),
            Education = "12/12",
            OrganisationId = unit.Id,
        };
        _people.Add(person);
        return person;
    }

    private void Hold(Person person, Organisation organisation, PositionKind kind, string title, DateOnly from) =>
        _positions.Add(new Position { Id = NewId(), PersonId = person.Id, OrganisationId = organisation.Id, Kind = kind, Title = title, From = from });

    private void Member(Person person, Organisation cell, DateOnly probationaryFrom, DateOnly? official) =>
        _memberships.Add(new PartyMembership
        {
            Id = NewId(),
            PersonId = person.Id,
            CellId = cell.Id,
            AdmittedOn = probationaryFrom.AddDays(-20),
            ProbationaryFrom = probationaryFrom,
            OfficialFrom = official,
            CardNumber = official is null ? null : $"{_random.Next(10_000_000, 99_999_999)}",
        });

    /// <summary>A version-4 GUID from the seeded generator, so ids are reproducible too.</summary>
    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private double Gaussian()
    {
        // Box–Muller: two uniforms give one standard normal value.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
