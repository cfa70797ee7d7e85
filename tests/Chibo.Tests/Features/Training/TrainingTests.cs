using System.Net;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Tests.Features.Meetings;
using Chibo.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Chibo.Tests.Features.Training;

/// <summary>
/// Awareness classes and new-member courses through HTTP on the two-school demo (two cells under the district):
/// the demo class, a class from opening to certificates, the lists read back, and the refusals.
/// </summary>
public abstract class TrainingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DemoApp
{
    private const string StoryCell = "Chi bộ Trường Cao đẳng Y Hà Nội";
    private const string Centre = "Trung tâm Chính trị quận Thanh Xuân";

    [Fact]
    public async Task TheDemoAwarenessClass_TakesBothCells_AndIssuingRecordsEachStudentsCertificateStep()
    {
        await using var db = app.Database.CreateContext();
        var training = await db.TrainingClasses.Include(c => c.Enrolments).SingleAsync(c => c.Name == "Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2024");
        using var client = await SignIn.AsAsync(app.Factory, "bantochuc");

        var page = await client.GetStringAsync(Url(training.Id));
        var fields = CertificateFields(page);
        var response = await PostAsync(client, training.Id, "Certificates", fields);

        Assert.Equal(TrainingStatus.Finished, training.Status);
        Assert.True(training.Enrolments.Select(e => e.CellId).Distinct().Count() >= 2, "the demo class takes the sympathizers of both demo cells");
        Assert.Equal(training.Enrolments.Count, fields.Count(f => f.Key.StartsWith("numbers[", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = app.Database.CreateContext();
        var enrolments = await after.TrainingEnrolments.Where(e => e.ClassId == training.Id).ToListAsync();
        foreach (var enrolment in enrolments)
        {
            var @case = await after.Cases.Include(c => c.Steps).SingleAsync(c => c.Id == enrolment.CaseId);
            var step = @case.Steps.Single(s => s.Kind == EventKind.AwarenessCertificate);
            Assert.Equal(Stage.Trained, @case.Stage);
            Assert.Equal((enrolment.CertificateNumber, Centre, "CN-NTVĐ", enrolment.CertificateDate), (step.DocumentNumber, step.Issuer, step.FormCode, (DateOnly?)step.Date));
            Assert.Equal(step.Id, enrolment.CertificateStepId);
        }

        var first = enrolments.First(e => after.Organisations.Any(o => o.Id == e.CellId && o.Name == StoryCell));
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        var caseFile = await secretary.GetStringAsync(new Uri($"/ho-so/{first.CaseId}", UriKind.Relative));
        Assert.Contains("Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2024", caseFile);
        Assert.Contains($"Giấy chứng nhận CN-NTVĐ số {first.CertificateNumber} ngày {first.CertificateDate:dd/MM/yyyy}", WebUtility.HtmlDecode(caseFile));
        var sessions = await after.TrainingSessions.CountAsync(x => x.ClassId == training.Id);
        var attended = await after.TrainingAttendance.CountAsync(a => a.EnrolmentId == first.Id && a.Present);
        Assert.Equal(5, sessions);
        Assert.Contains($"Có mặt {attended}/{sessions} buổi", caseFile);
    }

    [Fact]
    public async Task AClass_FromOpeningToCertificates_AndItsListsReadBack()
    {
        var (caseId, personId, name) = await SympathizerAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bantochuc");
        var id = await OpenClassAsync(client, TrainingKind.Awareness, "2024-04-08", "2024-04-09");

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, id, "Session", new() { ["date"] = "2024-04-08", ["topic"] = "Khái quát lịch sử Đảng" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, id, "Session", new() { ["date"] = "2024-04-09", ["topic"] = "Điều lệ Đảng" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EnrolAsync(client, id, [personId])).StatusCode);
        var enrolment = await EnrolmentAsync(id, personId);
        var sessions = await SessionsAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, id, "Attendance", new() { ["session"] = sessions[0].ToString(), ["present"] = enrolment.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, id, "Attendance", new() { ["session"] = sessions[1].ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, id, "Results", new()
        {
            [$"results[{enrolment}].Score"] = "8,5", [$"results[{enrolment}].Outcome"] = "Passed", [$"results[{enrolment}].Rating"] = "Good",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, id, "Status", new() { ["status"] = "Finished" })).StatusCode);
        var number = $"T{Guid.NewGuid():N}"[..12] + "/CN-NTVĐ";
        var issued = await PostAsync(client, id, "Certificates", new() { ["date"] = "2024-04-12", [$"numbers[{enrolment}]"] = number });

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        await using var db = app.Database.CreateContext();
        var @case = await db.Cases.Include(c => c.Steps).SingleAsync(c => c.Id == caseId);
        Assert.Equal(Stage.Trained, @case.Stage);
        Assert.Contains(@case.Steps, s => s.Kind == EventKind.AwarenessCertificate && s.DocumentNumber == number && s.Date == new DateOnly(2024, 4, 12));

        var enrolled = await SheetAsync(client, id, "danh-sach");
        var attendance = await SheetAsync(client, id, "diem-danh");
        var results = await SheetAsync(client, id, "ket-qua");
        Assert.Equal(name, Assert.Single(enrolled)["Họ và tên"]);
        Assert.Equal(StoryCell, enrolled[0]["Chi bộ"]);
        var roll = Assert.Single(attendance);
        Assert.Equal(("có mặt", "vắng"), (roll["Buổi 1 (08/04)"], roll["Buổi 2 (09/04)"]));
        Assert.Equal(1d, Convert.ToDouble(roll["Số buổi có mặt"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(8.5d, Convert.ToDouble(results[0]["Điểm"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("Đạt", "Khá", number), (results[0]["Kết quả"], results[0]["Xếp loại"], results[0]["Số giấy chứng nhận"]));
        Assert.Equal(new DateTime(2024, 4, 12), results[0]["Ngày cấp"]);

        var docx = await client.GetAsync(new Uri($"/lop/{id}?handler=Docx", UriKind.Relative));
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var paragraphs = word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", paragraphs);
        Assert.Contains("QUẬN ỦY THANH XUÂN", paragraphs);
        Assert.Contains("DANH SÁCH", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith($"1. {name}, sinh ngày", StringComparison.Ordinal));
        Assert.Contains("T/M BAN THƯỜNG VỤ", paragraphs);
        var pdf = await PdfText.ReadAsync(await (await client.GetAsync(new Uri($"/lop/{id}?handler=Pdf", UriKind.Relative))).Content.ReadAsByteArrayAsync());
        Assert.Contains("DANH SÁCH", pdf);
        Assert.Contains($"1. {name}", pdf);
        Assert.Contains("Trung tâm Chính trị quận Thanh Xuân", pdf);
    }

    [Fact]
    public async Task Certificates_DatedBeforeTheClassOrWithAReusedNumber_AreRefused_AndNothingIsWritten()
    {
        var (caseId, personId, _) = await SympathizerAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bantochuc");
        var id = await FinishedClassWithAsync(client, personId, "2024-05-06", "2024-05-10");
        var enrolment = await EnrolmentAsync(id, personId);
        await using var db = app.Database.CreateContext();
        var taken = await db.CaseSteps.Where(s => s.Kind == EventKind.AwarenessCertificate && s.Issuer == Centre && s.VoidedAt == null).Select(s => s.DocumentNumber!).FirstAsync();

        var early = await PostAsync(client, id, "Certificates", new() { ["date"] = "2024-05-03", [$"numbers[{enrolment}]"] = "77/2024/CN-NTVĐ" });
        var reused = await PostAsync(client, id, "Certificates", new() { ["date"] = "2024-05-13", [$"numbers[{enrolment}]"] = taken });

        Assert.Contains("Ngày cấp 03/05/2024 trước ngày bế giảng lớp 10/05/2024", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()));
        Assert.Contains($"Số giấy chứng nhận {taken} của {Centre} đã được cấp cho người khác.", WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync()));
        await using var after = app.Database.CreateContext();
        Assert.Null((await after.TrainingEnrolments.SingleAsync(e => e.Id == enrolment)).CertificateNumber);
        Assert.Equal(Stage.Sympathizer, (await after.Cases.SingleAsync(c => c.Id == caseId)).Stage);
    }

    [Fact]
    public async Task IssuingInBulk_IsAllOrNothing_AndNamesWhoCouldNotGetTheStep()
    {
        var (goodCase, good, _) = await SympathizerAsync();
        var (closedCase, closed, closedName) = await SympathizerAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bantochuc");
        var id = await FinishedClassWithAsync(client, [good, closed], "2024-06-03", "2024-06-04");
        // The second student withdrew after the class: the case rules refuse a step on a closed case.
        await using (var db = app.Database.CreateContext())
        {
            var record = await db.Cases.SingleAsync(c => c.Id == closedCase);
            record.Stage = Stage.Withdrawn;
            record.ClosedOn = new DateOnly(2024, 6, 5);
            await db.SaveChangesAsync();
        }

        var response = await PostAsync(client, id, "Certificates", new()
        {
            ["date"] = "2024-06-10",
            [$"numbers[{await EnrolmentAsync(id, good)}]"] = $"B{Guid.NewGuid():N}"[..10],
            [$"numbers[{await EnrolmentAsync(id, closed)}]"] = $"B{Guid.NewGuid():N}"[..10],
        });

        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Chưa cấp giấy chứng nhận nào", text);
        Assert.Contains($"{closedName}: Hồ sơ đã kết thúc", text);
        await using var after = app.Database.CreateContext();
        Assert.Equal(Stage.Sympathizer, (await after.Cases.SingleAsync(c => c.Id == goodCase)).Stage);
        Assert.False(await after.CaseSteps.AnyAsync(s => s.CaseId == goodCase && s.Kind == EventKind.AwarenessCertificate));
        Assert.False(await after.TrainingEnrolments.AnyAsync(e => e.ClassId == id && e.CertificateNumber != null));
    }

    [Fact]
    public async Task Enrolling_SomeoneOutOfScope_OrInAnotherOpenClass_OrFromAStaleForm_IsRefused()
    {
        var (_, person, name) = await SympathizerAsync();
        var stranger = await SympathizerOutsideTheDistrictAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bantochuc");
        var first = await OpenClassAsync(client, TrainingKind.Awareness, "2024-09-09", "2024-09-13");
        var second = await OpenClassAsync(client, TrainingKind.Awareness, "2024-10-07", "2024-10-11");

        var outOfScope = await EnrolAsync(client, first, [stranger]);
        Assert.Equal(HttpStatusCode.Redirect, (await EnrolAsync(client, first, [person])).StatusCode);
        var twice = await EnrolAsync(client, second, [person]);
        var form = await client.GetStringAsync(new Uri($"/lop/{second}/ghi-danh", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, second, "Session", new() { ["date"] = "2024-10-07", ["topic"] = "Điều lệ Đảng" })).StatusCode);
        var stale = await client.PostAsync(new Uri($"/lop/{second}/ghi-danh", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = "0", ["Chosen"] = person.ToString(), ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        }));

        Assert.Contains("1 người được chọn không phải quần chúng cảm tình Đảng của một chi bộ trực thuộc Quận ủy Thanh Xuân", WebUtility.HtmlDecode(await outOfScope.Content.ReadAsStringAsync()));
        Assert.Contains($"{name} đang có tên trong lớp", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Lớp vừa được người khác cập nhật", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.TrainingEnrolments.CountAsync(e => e.ClassId == first));
        Assert.Equal(0, await db.TrainingEnrolments.CountAsync(e => e.ClassId == second));
    }

    [Fact]
    public async Task ACellSecretary_SeesOnlyTheirOwnPeoplesEnrolments_AndCannotChangeTheClass()
    {
        await using var db = app.Database.CreateContext();
        var training = await db.TrainingClasses.SingleAsync(c => c.Name == "Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2024");
        var enrolled = await db.TrainingEnrolments.Where(e => e.ClassId == training.Id)
            .Select(e => new { e.Person!.FullName, Cell = e.Cell!.Name }).ToListAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(Url(training.Id)));
        var sheet = await SheetAsync(client, training.Id, "danh-sach");
        var refused = await PostAsync(client, training.Id, "Status", new() { ["status"] = "Running" });
        var enrol = await client.GetAsync(new Uri($"/lop/{training.Id}/ghi-danh", UriKind.Relative));

        Assert.All(enrolled.Where(e => e.Cell == StoryCell), e => Assert.Contains(e.FullName, page));
        Assert.All(enrolled.Where(e => e.Cell != StoryCell), e => Assert.DoesNotContain(e.FullName, page));
        Assert.Equal(enrolled.Count(e => e.Cell == StoryCell), sheet.Count);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, enrol.StatusCode);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "view" && a.EntityType == "TrainingClass" && a.EntityId == training.Id.ToString()));
    }

    [Fact]
    public async Task TheNewMemberCourse_RecordsTheStepOnACase_AndKeepsTheCertificateOfAMemberWithoutOne()
    {
        await using var db = app.Database.CreateContext();
        var course = await db.TrainingClasses.Include(c => c.Enrolments).SingleAsync(c => c.Name == "Lớp bồi dưỡng lý luận chính trị cho đảng viên mới khóa I năm 2024");
        var vi = await db.People.Where(p => p.FullName == "Nguyễn Trịnh Yến Vi").Select(p => p.Id).SingleAsync();
        var probationary = await app.TakeCaseAsync(Stage.Probationary);
        var member = await db.Cases.Where(c => c.Id == probationary).Select(c => c.PersonId).SingleAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bantochuc");

        var picker = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/lop/{course.Id}/ghi-danh", UriKind.Relative)));
        Assert.Contains(course.Enrolments, e => e.PersonId == vi && e.CaseId == null);
        Assert.Equal(HttpStatusCode.Redirect, (await EnrolAsync(client, course.Id, [member])).StatusCode);
        var enrolled = await EnrolmentAsync(course.Id, member);
        var viEnrolment = course.Enrolments.Single(e => e.PersonId == vi).Id;
        await PostAsync(client, course.Id, "Results", new()
        {
            [$"results[{enrolled}].Outcome"] = "Passed", [$"results[{viEnrolment}].Outcome"] = "Passed", [$"results[{viEnrolment}].Score"] = "9",
        });
        await PostAsync(client, course.Id, "Status", new() { ["status"] = "Finished" });
        var issued = await PostAsync(client, course.Id, "Certificates", new()
        {
            ["date"] = "2024-03-25", [$"numbers[{enrolled}]"] = $"M{Guid.NewGuid():N}"[..10], [$"numbers[{viEnrolment}]"] = "12/2024/CN-ĐVM",
        });

        Assert.Contains("đã có giấy chứng nhận số", picker);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        await using var after = app.Database.CreateContext();
        var viLine = await after.TrainingEnrolments.SingleAsync(e => e.Id == viEnrolment);
        Assert.Equal(("12/2024/CN-ĐVM", (DateOnly?)new DateOnly(2024, 3, 25), (Guid?)null), (viLine.CertificateNumber, viLine.CertificateDate, viLine.CertificateStepId));
        Assert.Contains(await after.CaseSteps.Where(s => s.CaseId == probationary).ToListAsync(), s => s.Kind == EventKind.NewMemberCourse && s.Date == new DateOnly(2024, 3, 25) && s.Issuer == Centre);
    }

    private static Uri Url(Guid classId) => new($"/lop/{classId}", UriKind.Relative);

    /// <summary>An outstanding student of the story cell that no other test uses, put on the sympathizer list in January 2024.</summary>
    private async Task<(Guid CaseId, Guid PersonId, string Name)> SympathizerAsync()
    {
        var caseId = await app.TakeCaseAsync(Stage.Outstanding);
        await using var db = app.Database.CreateContext();
        var record = await db.Cases.Include(c => c.Person).SingleAsync(c => c.Id == caseId);
        record.Stage = Stage.Sympathizer;
        record.StageSince = new DateOnly(2024, 1, 15);
        db.CaseSteps.Add(new CaseStepRecord { CaseId = caseId, Kind = EventKind.SympathizerListed, Date = record.StageSince, RecordedBy = "Kiểm thử" });
        await db.SaveChangesAsync();
        return (caseId, record.PersonId, record.Person!.FullName);
    }

    /// <summary>A sympathizer of a cell that sits under the city, not under the district.</summary>
    private async Task<Guid> SympathizerOutsideTheDistrictAsync()
    {
        await using var db = app.Database.CreateContext();
        var city = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.CityCommittee);
        var cell = new Organisation { Name = $"Chi bộ ngoài quận {Guid.NewGuid():N}"[..30], Kind = OrganisationKind.Cell, ParentId = city.Id, IsGrassroots = true };
        cell.Path = Organisation.PathOf(city, cell.Id);
        var person = new Person { FullName = "Trần Văn Ngoài", SearchName = "tran van ngoai", OrganisationId = cell.Id };
        db.AddRange(cell, person);
        db.Cases.Add(new CaseRecord { PersonId = person.Id, CellId = cell.Id, Stage = Stage.Sympathizer, OpenedOn = new DateOnly(2024, 1, 2), StageSince = new DateOnly(2024, 1, 2) });
        await db.SaveChangesAsync();
        return person.Id;
    }

    private static async Task<Guid> OpenClassAsync(HttpClient client, TrainingKind kind, string starts, string ends)
    {
        var page = await client.GetStringAsync(new Uri("/lop", UriKind.Relative));
        var owner = System.Text.RegularExpressions.Regex.Match(page, "<option value=\"([0-9a-f-]+)\"[^>]*>Quận ủy Thanh Xuân</option>").Groups[1].Value;
        var organiser = System.Text.RegularExpressions.Regex.Match(page, $"<option value=\"([0-9a-f-]+)\"[^>]*>{Centre}</option>").Groups[1].Value;
        var response = await client.PostAsync(new Uri("/lop", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Kind"] = kind.ToString(), ["Input.Name"] = $"Lớp kiểm thử {starts}", ["Input.Owner"] = owner, ["Input.Organiser"] = organiser,
            ["Input.StartsOn"] = starts, ["Input.EndsOn"] = ends, ["Input.Place"] = "Hội trường Trung tâm Chính trị quận Thanh Xuân",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private Task<Guid> FinishedClassWithAsync(HttpClient client, Guid person, string starts, string ends) => FinishedClassWithAsync(client, [person], starts, ends);

    /// <summary>A class with the people enrolled, all passed, and finished: ready for certificates.</summary>
    private async Task<Guid> FinishedClassWithAsync(HttpClient client, IReadOnlyList<Guid> people, string starts, string ends)
    {
        var id = await OpenClassAsync(client, TrainingKind.Awareness, starts, ends);
        Assert.Equal(HttpStatusCode.Redirect, (await EnrolAsync(client, id, people)).StatusCode);
        var results = new Dictionary<string, string>();
        foreach (var person in people)
        {
            results[$"results[{await EnrolmentAsync(id, person)}].Outcome"] = "Passed";
        }

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, id, "Results", results)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, id, "Status", new() { ["status"] = "Finished" })).StatusCode);
        return id;
    }

    private static async Task<HttpResponseMessage> EnrolAsync(HttpClient client, Guid classId, IReadOnlyList<Guid> people)
    {
        var uri = new Uri($"/lop/{classId}/ghi-danh", UriKind.Relative);
        var form = await client.GetStringAsync(uri);
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var fields = people.Select(p => KeyValuePair.Create("Chosen", p.ToString()))
            .Append(KeyValuePair.Create("Version", version))
            .Append(KeyValuePair.Create("__RequestVerificationToken", SignIn.AntiforgeryToken(form)));
        return await client.PostAsync(uri, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a handler of the class page with the version and token the page was built with, as the browser does.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid classId, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(Url(classId));
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page) };
        values.TryAdd("version", version);
        return await client.PostAsync(new Uri($"/lop/{classId}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>The certificate form's fields as the page fills them in: the version, today's date and a number per student.</summary>
    private static Dictionary<string, string> CertificateFields(string page)
    {
        var form = page[page.IndexOf("handler=Certificates", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        var fields = System.Text.RegularExpressions.Regex.Matches(form, "<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["date"] = "2024-03-05";
        fields.Remove("__RequestVerificationToken");
        return fields;
    }

    private async Task<Guid> EnrolmentAsync(Guid classId, Guid personId)
    {
        await using var db = app.Database.CreateContext();
        return await db.TrainingEnrolments.Where(e => e.ClassId == classId && e.PersonId == personId).Select(e => e.Id).SingleAsync();
    }

    private async Task<List<Guid>> SessionsAsync(Guid classId)
    {
        await using var db = app.Database.CreateContext();
        return await db.TrainingSessions.Where(s => s.ClassId == classId).OrderBy(s => s.Date).Select(s => s.Id).ToListAsync();
    }

    private static async Task<List<IDictionary<string, object>>> SheetAsync(HttpClient client, Guid classId, string list)
    {
        var response = await client.GetAsync(new Uri($"/lop/{classId}?handler=Sheet&list={list}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>()];
    }
}

public sealed class TrainingTestsOnSqlite(TwoSchoolsOnSqlite app) : TrainingTests<TwoSchoolsOnSqlite>(app);

public sealed class TrainingTestsOnPostgres(TwoSchoolsOnPostgres app) : TrainingTests<TwoSchoolsOnPostgres>(app);
