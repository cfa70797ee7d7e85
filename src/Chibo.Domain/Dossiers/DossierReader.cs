using System.Globalization;
using System.Text.Json;
using Chibo.Domain.Common;


namespace Chibo.Domain.Dossiers;

/// <summary>
/// Reads a <c>chibo-dossier/1</c> file strictly: anything the format does not define is an input error
/// with its JSON path and a Vietnamese message. Never throws for bad input.
/// </summary>
public static class DossierReader
{
    /// <summary>The code of every input error.</summary>
    public const string InputError = "DOSSIER-INPUT";

    /// <summary>Dates outside this range are typing mistakes; the bound also keeps deadline arithmetic inside the calendar.</summary>
    public static readonly DateOnly MinDate = new(1900, 1, 1);

    public static readonly DateOnly MaxDate = new(2099, 12, 31);

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    public static Result<Dossier> Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));

    public static Result<Dossier> Read(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            return Fail("$", $"Tệp không phải văn bản UTF-8 hợp lệ (byte thứ {FirstInvalidUtf8(utf8.Span) + 1})");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            return Fail("$", $"JSON không hợp lệ tại dòng {line}, cột {column}");
        }

        using (document)
        {
            try
            {
                return Result.Success(ReadRoot(document.RootElement));
            }
            catch (DossierFormatException e)
            {
                return Fail(e.Path, e.Message);
            }
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    private static Result<Dossier> Fail(string path, string message) =>
        Result.Failure<Dossier>(new Error(InputError, message, path));

    private static Dossier ReadRoot(JsonElement root)
    {
        RequireObject(root, "$");
        if (root.TryGetProperty("format", out var format) &&
            (format.ValueKind != JsonValueKind.String || format.GetString() != Dossier.Format))
        {
            throw new DossierFormatException("$.format", $"Định dạng phải là \"{Dossier.Format}\"");
        }

        DateOnly? asOf = null;
        DossierCell? cell = null;
        DossierApplicant? applicant = null;
        List<DossierMember>? members = null;
        JsonElement? events = null;
        List<DateOnly> extraHolidays = [];
        List<DateOnly> extraWorkdays = [];
        var seen = 0;
        foreach (var property in root.EnumerateObject())
        {
            var path = "$." + property.Name;
            switch (property.Name)
            {
                case "format":
                    Once(ref seen, 0, path);
                    break;
                case "asOf":
                    Once(ref seen, 1, path);
                    asOf = ReadDate(property.Value, path);
                    break;
                case "cell":
                    Once(ref seen, 2, path);
                    cell = ReadCell(property.Value, path);
                    break;
                case "applicant":
                    Once(ref seen, 3, path);
                    applicant = ReadApplicant(property.Value, path);
                    break;
                case "members":
                    Once(ref seen, 4, path);
                    members = ReadMembers(property.Value, path);
                    break;
                case "events":
                    Once(ref seen, 5, path);
                    RequireArray(property.Value, path);
                    events = property.Value;
                    break;
                case "calendar":
                    Once(ref seen, 6, path);
                    ReadCalendar(property.Value, path, extraHolidays, extraWorkdays);
                    break;
                default:
                    throw UnknownKey(path);
            }
        }

        Required(seen, 0, "$.format");
        Required(seen, 1, "$.asOf");
        Required(seen, 2, "$.cell");
        Required(seen, 3, "$.applicant");
        Required(seen, 4, "$.members");
        Required(seen, 5, "$.events");

        // Events are read last so that member references can be checked against the whole list.
        var list = ReadEvents(events!.Value, "$.events", members!);
        return new Dossier(asOf!.Value, cell!, applicant!, members!, list, extraHolidays, extraWorkdays);
    }

    private static DossierCell ReadCell(JsonElement element, string path)
    {
        RequireObject(element, path);
        string? name = null;
        bool? grassroots = null;
        var seen = 0;
        foreach (var property in element.EnumerateObject())
        {
            var at = path + "." + property.Name;
            switch (property.Name)
            {
                case "name":
                    Once(ref seen, 0, at);
                    name = ReadText(property.Value, at);
                    break;
                case "isGrassroots":
                    Once(ref seen, 1, at);
                    grassroots = ReadBool(property.Value, at);
                    break;
                default:
                    throw UnknownKey(at);
            }
        }

        Required(seen, 0, path + ".name");
        Required(seen, 1, path + ".isGrassroots");
        return new DossierCell(name!, grassroots!.Value);
    }

    private static DossierApplicant ReadApplicant(JsonElement element, string path)
    {
        RequireObject(element, path);
        string? fullName = null, gender = null, education = null;
        DateOnly? born = null;
        bool? union = null;
        var over60 = false;
        var grade = 0;
        var seen = 0;
        foreach (var property in element.EnumerateObject())
        {
            var at = path + "." + property.Name;
            var value = property.Value;
            switch (property.Name)
            {
                case "fullName":
                    Once(ref seen, 0, at);
                    fullName = ReadText(value, at);
                    break;
                case "dateOfBirth":
                    Once(ref seen, 1, at);
                    born = ReadDate(value, at);
                    break;
                case "gender":
                    Once(ref seen, 2, at);
                    if (value.ValueKind != JsonValueKind.Null)
                    {
                        // CHECK.md shows "female" and fixes no list, so any text is kept as written.
                        gender = ReadText(value, at);
                    }

                    break;
                case "education":
                    Once(ref seen, 3, at);
                    education = ReadText(value, at);
                    grade = ParseEducation(education, at);
                    break;
                case "youthUnionMember":
                    Once(ref seen, 4, at);
                    union = ReadBool(value, at);
                    break;
                case "over60Approved":
                    Once(ref seen, 5, at);
                    over60 = value.ValueKind != JsonValueKind.Null && ReadBool(value, at);
                    break;
                default:
                    throw UnknownKey(at);
            }
        }

        Required(seen, 0, path + ".fullName");
        Required(seen, 1, path + ".dateOfBirth");
        Required(seen, 3, path + ".education");
        Required(seen, 4, path + ".youthUnionMember");
        return new DossierApplicant(fullName!, born!.Value, gender, education!, grade, union!.Value, over60);
    }

    /// <summary>General education is written <c>grade/12</c>, e.g. <c>9/12</c> for lower secondary.</summary>
    private static int ParseEducation(string text, string path)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && text.AsSpan(slash + 1).SequenceEqual("12") &&
            int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var grade) &&
            grade <= 12)
        {
            return grade;
        }

        throw new DossierFormatException(path, $"Trình độ học vấn phải có dạng \"lớp/12\" (ví dụ \"12/12\"), không phải \"{text}\"");
    }

    private static List<DossierMember> ReadMembers(JsonElement element, string path)
    {
        RequireArray(element, path);
        var members = new List<DossierMember>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = $"{path}[{index}]";
            RequireObject(item, itemPath);
            string? id = null, fullName = null;
            DateOnly? officialSince = null, knownSince = null;
            var seen = 0;
            foreach (var property in item.EnumerateObject())
            {
                var at = itemPath + "." + property.Name;
                switch (property.Name)
                {
                    case "id":
                        Once(ref seen, 0, at);
                        id = ReadText(property.Value, at);
                        if (members.Exists(m => m.Id == id))
                        {
                            throw new DossierFormatException(at, $"Mã đảng viên \"{id}\" bị trùng");
                        }

                        break;
                    case "fullName":
                        Once(ref seen, 1, at);
                        fullName = ReadText(property.Value, at);
                        break;
                    case "officialSince":
                        Once(ref seen, 2, at);
                        officialSince = ReadOptionalDate(property.Value, at);
                        break;
                    case "knownApplicantSince":
                        Once(ref seen, 3, at);
                        knownSince = ReadOptionalDate(property.Value, at);
                        break;
                    default:
                        throw UnknownKey(at);
                }
            }

            Required(seen, 0, itemPath + ".id");
            Required(seen, 1, itemPath + ".fullName");
            members.Add(new DossierMember(id!, fullName!, officialSince, knownSince));
            index++;
        }

        return members;
    }

    private static void ReadCalendar(JsonElement element, string path, List<DateOnly> holidays, List<DateOnly> workdays)
    {
        RequireObject(element, path);
        var seen = 0;
        foreach (var property in element.EnumerateObject())
        {
            var at = path + "." + property.Name;
            switch (property.Name)
            {
                case "extraHolidays":
                    Once(ref seen, 0, at);
                    ReadDates(property.Value, at, holidays);
                    break;
                case "extraWorkdays":
                    Once(ref seen, 1, at);
                    ReadDates(property.Value, at, workdays);
                    break;
                default:
                    throw UnknownKey(at);
            }
        }
    }

    private static void ReadDates(JsonElement element, string path, List<DateOnly> into)
    {
        RequireArray(element, path);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            into.Add(ReadDate(item, $"{path}[{index}]"));
            index++;
        }
    }

    private static List<DossierEvent> ReadEvents(JsonElement element, string path, List<DossierMember> members)
    {
        var events = new List<DossierEvent>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            events.Add(ReadEvent(item, $"{path}[{index}]", index, members));
            index++;
        }

        // Files may list events in any order; ties keep the procedure's order, then the file's.
        events.Sort(static (a, b) =>
        {
            var byDate = a.Date.CompareTo(b.Date);
            if (byDate != 0)
            {
                return byDate;
            }

            var byKind = a.Kind.CompareTo(b.Kind);
            return byKind != 0 ? byKind : a.Index.CompareTo(b.Index);
        });
        return events;
    }

    private static DossierEvent ReadEvent(JsonElement item, string path, int index, List<DossierMember> members)
    {
        RequireObject(item, path);
        if (!item.TryGetProperty("kind", out var kindElement))
        {
            throw Missing(path + ".kind");
        }

        var kindText = ReadText(kindElement, path + ".kind");
        if (!EventKinds.TryParse(kindText, out var kind))
        {
            throw new DossierFormatException(path + ".kind", $"Loại sự kiện không tồn tại: \"{kindText}\"");
        }

        var spec = Spec(kind);
        DateOnly? date = null, received = null;
        string? member = null, number = null, issuer = null;
        int? votesFor = null, voters = null;
        bool extended = false, replacement = false, delayApproved = false;
        var seen = 0;
        foreach (var property in item.EnumerateObject())
        {
            var at = path + "." + property.Name;
            var value = property.Value;
            switch (property.Name)
            {
                case "kind":
                    Once(ref seen, 0, at);
                    break;
                case "date":
                    Once(ref seen, 1, at);
                    date = ReadDate(value, at);
                    break;
                case "member" when spec.HasFlag(Fields.Member):
                    Once(ref seen, 2, at);
                    member = ReadText(value, at);
                    if (!members.Exists(m => m.Id == member))
                    {
                        throw new DossierFormatException(at, $"Đảng viên \"{member}\" không có trong danh sách members");
                    }

                    break;
                case "number" when spec.HasFlag(Fields.Number):
                    Once(ref seen, 3, at);
                    number = ReadText(value, at);
                    break;
                case "issuer" when spec.HasFlag(Fields.Issuer):
                    Once(ref seen, 4, at);
                    issuer = ReadText(value, at);
                    break;
                case "votesFor" when spec.HasFlag(Fields.OfficialMembers) || spec.HasFlag(Fields.CommitteeMembers):
                    Once(ref seen, 5, at);
                    votesFor = ReadCount(value, at);
                    break;
                case "officialMembers" when spec.HasFlag(Fields.OfficialMembers):
                case "committeeMembers" when spec.HasFlag(Fields.CommitteeMembers):
                    Once(ref seen, 6, at);
                    voters = ReadCount(value, at);
                    break;
                case "received" when spec.HasFlag(Fields.Received):
                    Once(ref seen, 7, at);
                    received = ReadOptionalDate(value, at);
                    break;
                case "extended" when spec.HasFlag(Fields.Extended):
                    Once(ref seen, 8, at);
                    extended = ReadOptionalBool(value, at);
                    break;
                case "replacement" when spec.HasFlag(Fields.Replacement):
                    Once(ref seen, 9, at);
                    replacement = ReadOptionalBool(value, at);
                    break;
                case "delayApproved" when spec.HasFlag(Fields.DelayApproved):
                    Once(ref seen, 10, at);
                    delayApproved = ReadOptionalBool(value, at);
                    break;
                default:
                    throw new DossierFormatException(at, $"Khóa \"{property.Name}\" không dùng cho sự kiện \"{kindText}\"");
            }
        }

        Required(seen, 1, path + ".date");
        if (spec.HasFlag(Fields.Member))
        {
            Required(seen, 2, path + ".member");
        }

        if (spec.HasFlag(Fields.Number))
        {
            Required(seen, 3, path + ".number");
        }

        if (spec.HasFlag(Fields.Issuer))
        {
            Required(seen, 4, path + ".issuer");
        }

        if (spec.HasFlag(Fields.OfficialMembers) || spec.HasFlag(Fields.CommitteeMembers))
        {
            Required(seen, 5, path + ".votesFor");
            Required(seen, 6, path + (spec.HasFlag(Fields.OfficialMembers) ? ".officialMembers" : ".committeeMembers"));
            if (votesFor > voters)
            {
                throw new DossierFormatException(
                    path + ".votesFor",
                    $"Số phiếu tán thành ({votesFor}) lớn hơn số người có quyền biểu quyết ({voters})");
            }
        }

        return new DossierEvent(kind, date!.Value)
        {
            Index = index,
            Member = member,
            Number = number,
            Issuer = issuer,
            VotesFor = votesFor ?? 0,
            Voters = voters ?? 0,
            Received = received,
            Extended = extended,
            Replacement = replacement,
            DelayApproved = delayApproved,
        };
    }

    [Flags]
    private enum Fields
    {
        None = 0,
        Member = 1,
        Number = 2,
        Issuer = 4,
        OfficialMembers = 8,
        CommitteeMembers = 16,
        Received = 32,
        Extended = 64,
        Replacement = 128,
        DelayApproved = 256,
    }

    /// <summary>The keys each kind may carry besides <c>kind</c> and <c>date</c> (CHECK.md, "Event kinds").</summary>
    private static Fields Spec(EventKind kind) => kind switch
    {
        EventKind.HelperAssigned or EventKind.HelperComment => Fields.Member,
        EventKind.Introduction => Fields.Member | Fields.Replacement,
        EventKind.AwarenessCertificate => Fields.Number | Fields.Issuer,
        EventKind.CellResolution or EventKind.RecognitionResolution => Fields.OfficialMembers,
        EventKind.CommitteeResolution or EventKind.RecognitionCommitteeResolution => Fields.CommitteeMembers,
        EventKind.AdmissionDecision => Fields.Number | Fields.Received | Fields.Extended,
        EventKind.Ceremony => Fields.DelayApproved,
        EventKind.RecognitionDecision => Fields.Extended,
        EventKind.SourceListed or EventKind.UnionIntroduced or EventKind.SympathizerListed or EventKind.Application
            or EventKind.BackgroundForm or EventKind.BackgroundVerified or EventKind.UnionResolution
            or EventKind.OpinionsSummary or EventKind.NewMemberCourse or EventKind.SelfReview
            or EventKind.ProbationOpinions or EventKind.RemovedFromProbation or EventKind.Withdrawn => Fields.None,
    };

    private static void Once(ref int seen, int bit, string path)
    {
        if ((seen & (1 << bit)) != 0)
        {
            throw new DossierFormatException(path, "Khóa bị lặp lại");
        }

        seen |= 1 << bit;
    }

    private static void Required(int seen, int bit, string path)
    {
        if ((seen & (1 << bit)) == 0)
        {
            throw Missing(path);
        }
    }

    private static DossierFormatException Missing(string path) => new(path, "Thiếu trường bắt buộc");

    private static DossierFormatException UnknownKey(string path) => new(path, "Khóa không có trong định dạng chibo-dossier/1");

    private static void RequireObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(path, "một đối tượng {…}", element);
        }
    }

    private static void RequireArray(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(path, "một mảng […]", element);
        }
    }

    private static DossierFormatException WrongType(string path, string expected, JsonElement actual) =>
        new(path, $"Phải là {expected}, không phải {Describe(actual.ValueKind)}");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "đối tượng",
        JsonValueKind.Array => "mảng",
        JsonValueKind.String => "chuỗi",
        JsonValueKind.Number => "số",
        JsonValueKind.True or JsonValueKind.False => "giá trị đúng/sai",
        JsonValueKind.Null => "null",
        JsonValueKind.Undefined => "giá trị rỗng",
        _ => "giá trị không rõ",
    };

    private static string ReadString(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw WrongType(path, "một chuỗi", element);
        }

        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new DossierFormatException(path, "Chuỗi không phải UTF-8 hợp lệ");
        }
    }

    private static string ReadText(JsonElement element, string path)
    {
        var text = ReadString(element, path);
        return string.IsNullOrWhiteSpace(text) ? throw new DossierFormatException(path, "Không được để trống") : text;
    }

    private static bool ReadBool(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw WrongType(path, "true hoặc false", element),
    };

    private static bool ReadOptionalBool(JsonElement element, string path) =>
        element.ValueKind != JsonValueKind.Null && ReadBool(element, path);

    private static int ReadCount(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw WrongType(path, "một số nguyên", element);
        }

        if (!element.TryGetInt32(out var count))
        {
            throw new DossierFormatException(path, $"Phải là một số nguyên, không phải {element.GetRawText()}");
        }

        return count < 0 ? throw new DossierFormatException(path, $"Số không được âm ({count})") : count;
    }

    private static DateOnly? ReadOptionalDate(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Null ? null : ReadDate(element, path);

    private static DateOnly ReadDate(JsonElement element, string path)
    {
        var text = ReadString(element, path);
        if (text.Length != 10 || text[4] != '-' || text[7] != '-' ||
            !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new DossierFormatException(path, $"Ngày không hợp lệ: \"{text}\" (cần một ngày có thật dạng YYYY-MM-DD)");
        }

        if (date < MinDate || date > MaxDate)
        {
            throw new DossierFormatException(path, $"Ngày {text} nằm ngoài khoảng 1900–2099");
        }

        return date;
    }

    /// <summary>Internal to the reader: unwinds to <see cref="Read(ReadOnlyMemory{byte})"/>, which turns it into an input error.</summary>
    private sealed class DossierFormatException(string path, string message) : Exception(message)
    {
        public string Path { get; } = path;
    }
}
