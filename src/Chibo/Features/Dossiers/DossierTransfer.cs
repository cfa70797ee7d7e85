using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Common;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Chibo.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Dossiers;

/// <summary>A paper of the checklist as a transfer package carries it, with its scan when there is one.</summary>
public sealed record TransferDocument(
    string FormCode, DocumentStatus Status, DateOnly? ReceivedOn, DateOnly? CheckedOn, string? CheckedBy, string? Note,
    string? FileName, string? ContentType, byte[]? Content);

/// <summary>A package read and appraised, before anything is written.</summary>
public sealed record IncomingDossier(Dossier Dossier, IReadOnlyList<TransferDocument> Documents, CheckReport Report);

/// <summary>Where an incoming case goes: the receiving cell, and either a person already known here or a new one in a unit.</summary>
public sealed record ImportTransfer(Guid CellId, Guid? ExistingPersonId, Guid? UnitId);

/// <summary>
/// A case leaving one installation and arriving in another (a student changing school). The package is a
/// zip: <c>dossier.json</c> in the <c>chibo-dossier/1</c> format of spec/CHECK.md (so <c>chibo check</c>
/// reads it as it is), <c>documents.json</c> with the checklist's papers, and <c>files/</c> with their scans.
/// A bare <c>chibo-dossier/1</c> file is accepted too. Nothing is written until the import is confirmed, and
/// then all of it in one <c>SaveChanges</c> (one transaction).
/// </summary>
public sealed class DossierTransfer(AppDbContext db, CaseFiles files, CaseDigests digests, CurrentUser me, TimeProvider time)
{
    /// <summary>Who may send a case away or take one in: the cell committee and the department above it.</summary>
    public static readonly Role[] Handlers = [Role.CellSecretary, Role.CellCommittee, Role.OrganisationDepartment, Role.Administrator];

    public const string DocumentsFormat = "chibo-documents/1";

    /// <summary>Largest package accepted: the dossier and a few scans of at most 10 MB each.</summary>
    public const long MaxPackage = 60 * 1024 * 1024;

    private const long MaxUnpacked = 120 * 1024 * 1024;
    private const int MaxEntries = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private sealed record DocumentsFile(string Format, List<DocumentEntry> Documents);

    private sealed record DocumentEntry(
        string FormCode, DocumentStatus Status, DateOnly? ReceivedOn, DateOnly? CheckedOn, string? CheckedBy, string? Note, FileEntry? File);

    private sealed record FileEntry(string Name, string ContentType, long Size, string Sha256);

    /// <summary>The case as a <c>chibo-dossier/1</c> dossier, as of today.</summary>
    public Dossier ToDossier(LoadedCase loaded) => loaded.Case.ToDossier(files.Today);

    /// <summary>The transfer package of a case: the dossier, the checklist's papers and their scans.</summary>
    public async Task<byte[]> PackAsync(LoadedCase loaded, CancellationToken cancellationToken = default)
    {
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == loaded.Record.Id).OrderBy(d => d.FormCode).ToListAsync(cancellationToken);
        var fileIds = documents.Where(d => d.FileId is not null).Select(d => d.FileId!.Value).ToList();
        var stored = await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteEntryAsync(zip, "dossier.json", DossierWriter.Write(ToDossier(loaded)), cancellationToken);
            var entries = new List<DocumentEntry>();
            foreach (var document in documents)
            {
                FileEntry? file = null;
                if (document.FileId is { } id && stored.TryGetValue(id, out var scan))
                {
                    file = new FileEntry(document.FileName ?? document.FormCode, scan.ContentType, scan.Size, scan.Sha256);
                    await WriteEntryAsync(zip, "files/" + scan.Sha256, scan.Content, cancellationToken);
                }

                entries.Add(new DocumentEntry(document.FormCode, document.Status, document.ReceivedOn, document.CheckedOn, document.CheckedBy, document.Note, file));
            }

            await WriteEntryAsync(zip, "documents.json", JsonSerializer.SerializeToUtf8Bytes(new DocumentsFile(DocumentsFormat, entries), Json), cancellationToken);
        }

        return buffer.ToArray();
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(content, cancellationToken);
    }

    /// <summary>Reads a package (zip) or a bare dossier file and appraises it; every refusal names what is wrong.</summary>
    public static Result<IncomingDossier> Read(byte[] upload)
    {
        if (upload.Length == 0)
        {
            return Refused("Tệp rỗng.");
        }

        if (upload.Length > MaxPackage)
        {
            return Refused($"Tệp quá lớn (tối đa {MaxPackage / 1024 / 1024} MB).");
        }

        if (upload is [(byte)'P', (byte)'K', 3, 4, ..])
        {
            return ReadPackage(upload);
        }

        return ReadDossier(upload, []);
    }

    private static Result<IncomingDossier> ReadDossier(byte[] json, IReadOnlyList<TransferDocument> documents)
    {
        var dossier = DossierReader.Read(json);
        if (!dossier.IsSuccess)
        {
            var error = dossier.Errors[0];
            return Refused($"Tệp hồ sơ không đúng định dạng chibo-dossier/1 ({error.Path ?? "$"}): {error.Message}");
        }

        var report = DossierCheck.Run(dossier.Value, CaseFiles.Rulebooks, CaseFiles.Calendar);
        return Result.Success(new IncomingDossier(dossier.Value, documents, report));
    }

    private static Result<IncomingDossier> ReadPackage(byte[] upload)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(upload), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUnpacked)
            {
                return Refused("Gói hồ sơ có quá nhiều tệp hoặc quá lớn khi giải nén.");
            }

            var dossier = zip.GetEntry("dossier.json");
            if (dossier is null)
            {
                return Refused("Gói hồ sơ thiếu tệp dossier.json.");
            }

            var documents = new List<TransferDocument>();
            if (zip.GetEntry("documents.json") is { } list)
            {
                var parsed = JsonSerializer.Deserialize<DocumentsFile>(ReadEntry(list), Json);
                if (parsed?.Format != DocumentsFormat)
                {
                    return Refused($"Tệp documents.json không đúng định dạng {DocumentsFormat}.");
                }

                foreach (var entry in parsed.Documents ?? [])
                {
                    byte[]? content = null;
                    if (entry.File is { } file)
                    {
                        content = zip.GetEntry("files/" + file.Sha256) is { } scan ? ReadEntry(scan) : null;
                        if (content is null || !string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), file.Sha256, StringComparison.OrdinalIgnoreCase))
                        {
                            return Refused($"Bản chụp của {entry.FormCode} bị thiếu hoặc không khớp mã kiểm tra.");
                        }

                        if (UploadTypes.Sniff(content) is null)
                        {
                            return Refused($"Bản chụp của {entry.FormCode} không phải PDF, PNG hay JPEG.");
                        }
                    }

                    documents.Add(new TransferDocument(entry.FormCode, entry.Status, entry.ReceivedOn, entry.CheckedOn, entry.CheckedBy, entry.Note,
                        entry.File?.Name, content is null ? null : UploadTypes.Sniff(content), content));
                }
            }

            return ReadDossier(ReadEntry(dossier), documents);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or NotSupportedException)
        {
            return Refused("Không đọc được gói hồ sơ: tệp zip hoặc documents.json bị hỏng.");
        }
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream((int)Math.Min(entry.Length, MaxUnpacked));
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Result<IncomingDossier> Refused(string message) => Result.Failure<IncomingDossier>(new Error("TRANSFER-INPUT", message));

    /// <summary>People already known here who may be the applicant: same name and date of birth, in the user's scope.</summary>
    public async Task<IReadOnlyList<Person>> MatchesAsync(Dossier dossier, CancellationToken cancellationToken = default)
    {
        var folded = SearchText.Fold(dossier.Applicant.FullName);
        return await db.People.AsNoTracking().Include(p => p.Organisation)
            .VisibleIn(db, me.PathsFor(Handlers))
            .Where(p => p.SearchName == folded && p.DateOfBirth == dossier.Applicant.DateOfBirth)
            .OrderBy(p => p.FullName)
            .Take(10)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The cells the user may take a case into.</summary>
    public async Task<IReadOnlyList<Organisation>> CellsAsync(CancellationToken cancellationToken = default) =>
        await db.Organisations.AsNoTracking()
            .Within(me.PathsFor(Handlers))
            .Where(o => o.Kind == OrganisationKind.Cell)
            .OrderBy(o => o.Name)
            .ToListAsync(cancellationToken);

    /// <summary>The classes and units under a cell where a new person may be placed.</summary>
    public async Task<IReadOnlyList<Organisation>> UnitsAsync(Guid cellId, CancellationToken cancellationToken = default)
    {
        var cell = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == cellId, cancellationToken);
        return cell is null ? [] : await db.Organisations.AsNoTracking()
            .Where(o => o.Path.StartsWith(cell.Path) && (o.Kind == OrganisationKind.SchoolClass || o.Kind == OrganisationKind.Department || o.Kind == OrganisationKind.School))
            .OrderBy(o => o.Name)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Writes the incoming case: the person (found or new), the case in the receiving cell with every step of
    /// the file, its papers and scans, and — for a probationary member — the membership moved in. All or nothing.
    /// </summary>
    public async Task<Result<CaseRecord>> ImportAsync(IncomingDossier incoming, ImportTransfer target, CancellationToken cancellationToken = default)
    {
        var dossier = incoming.Dossier;
        var stage = incoming.Report.Stage;
        if (stage.IsTerminal())
        {
            return Fail("CASE-CLOSED", $"Hồ sơ đã kết thúc ({stage.ToVietnamese()}): không nhận như một hồ sơ đang xét.");
        }

        var cell = await db.Organisations.SingleOrDefaultAsync(o => o.Id == target.CellId && o.Kind == OrganisationKind.Cell, cancellationToken);
        if (cell is null || !me.Holds(cell.Path, Handlers))
        {
            return Fail(RecordStep.Forbidden, "Bạn không được nhận hồ sơ vào chi bộ này.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        Person person;
        if (target.ExistingPersonId is { } existing)
        {
            var found = await MatchesAsync(dossier, cancellationToken);
            if (found.All(p => p.Id != existing))
            {
                return Fail(RecordStep.NotFound, "Không tìm thấy người đã chọn (cần cùng họ tên và ngày sinh với hồ sơ).");
            }

            person = await db.People.SingleAsync(p => p.Id == existing, cancellationToken);
            if (await db.Cases.AnyAsync(c => c.PersonId == existing && c.ClosedOn == null, cancellationToken))
            {
                return Fail("CASE-OPEN", $"{person.FullName} đang có hồ sơ chưa kết thúc ở Chibo này.");
            }
        }
        else
        {
            var units = await UnitsAsync(cell.Id, cancellationToken);
            if (target.UnitId is not { } unitId || units.All(u => u.Id != unitId))
            {
                return Fail("UNIT-MISSING", "Chọn lớp hoặc đơn vị của người được chuyển đến (thuộc chi bộ nhận).");
            }

            var applicant = dossier.Applicant;
            person = new Person
            {
                FullName = applicant.FullName,
                SearchName = SearchText.Fold(applicant.FullName),
                DateOfBirth = applicant.DateOfBirth,
                Gender = applicant.Gender == "female" ? Gender.Female : Gender.Male,
                Education = applicant.Education,
                IsYouthUnionMember = applicant.YouthUnionMember,
                OrganisationId = unitId,
            };
            db.People.Add(person);
        }

        var from = $"Chuyển đến từ {dossier.Cell.Name}";
        var record = new CaseRecord
        {
            PersonId = person.Id,
            CellId = cell.Id,
            Stage = stage,
            OpenedOn = dossier.Events.Count > 0 ? dossier.Events[0].Date : DateOnly.FromDateTime(now),
            StageSince = dossier.Events.Count > 0 ? dossier.Events[^1].Date : DateOnly.FromDateTime(now),
            Over60Approved = dossier.Applicant.Over60Approved,
        };
        foreach (var e in dossier.Events)
        {
            var member = dossier.FindMember(e.Member);
            record.Steps.Add(new CaseStepRecord
            {
                CaseId = record.Id,
                Kind = e.Kind,
                Date = e.Date,
                MemberName = member?.FullName,
                MemberOfficialSince = member?.OfficialSince,
                KnownApplicantSince = e.Kind == EventKind.Introduction ? member?.KnownApplicantSince : null,
                VotesFor = e.Voters > 0 ? e.VotesFor : null,
                Eligible = e.Voters > 0 ? e.Voters : null,
                FormCode = FormCatalogue.For(e.Kind)?.Code,
                DocumentNumber = e.Number is null or DossierWriter.NotRecorded ? null : e.Number,
                Issuer = e.Issuer is null or DossierWriter.NotRecorded ? null : e.Issuer,
                Received = e.Received,
                Extended = e.Extended,
                Replacement = e.Replacement,
                DelayApproved = e.DelayApproved,
                Note = from,
                RecordedByUserId = me.UserId,
                RecordedBy = me.DisplayName,
                RecordedAt = now,
            });
        }

        db.Cases.Add(record);
        await digests.UpdateAsync(record, cell, person, [.. record.Steps], cancellationToken);
        foreach (var document in incoming.Documents)
        {
            Guid? fileId = null;
            if (document.Content is { } content)
            {
                var file = new StoredFile
                {
                    ContentType = document.ContentType!,
                    Size = content.Length,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                    Content = content,
                    UploadedAt = now,
                    UploadedBy = me.DisplayName,
                };
                db.StoredFiles.Add(file);
                fileId = file.Id;
            }

            db.CaseDocuments.Add(new CaseDocument
            {
                CaseId = record.Id,
                FormCode = document.FormCode,
                Status = document.Status,
                ReceivedOn = document.ReceivedOn,
                CheckedOn = document.CheckedOn,
                CheckedBy = document.CheckedBy,
                Note = document.Note,
                FileId = fileId,
                FileName = document.Content is null ? null : UploadTypes.SafeName(document.FileName ?? document.FormCode, document.ContentType!),
            });
        }

        if (stage is Stage.Probationary or Stage.RecognitionProposed)
        {
            await MoveMembershipInAsync(person, cell, dossier, DateOnly.FromDateTime(now), cancellationToken);
        }

        // One SaveChanges: the person, the case, its steps, papers, scans and membership go in together or not at all.
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(record);
    }

    /// <summary>A probationary member arrives with the case: the membership comes into the receiving cell.</summary>
    private async Task MoveMembershipInAsync(Person person, Organisation cell, Dossier dossier, DateOnly today, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.PersonId == person.Id && m.EndedOn == null, cancellationToken);
        if (membership is null)
        {
            membership = new PartyMembership
            {
                PersonId = person.Id,
                CellId = cell.Id,
                AdmittedOn = dossier.Events.LastOrDefault(e => e.Kind == EventKind.AdmissionDecision)?.Date,
                ProbationaryFrom = dossier.Events.Last(e => e.Kind == EventKind.Ceremony).Date,
            };
            db.Memberships.Add(membership);
        }

        membership.CellId = cell.Id;
        membership.Transfers.Add(new MembershipTransfer { MembershipId = membership.Id, Direction = TransferDirection.In, Date = today, OtherOrganisationName = dossier.Cell.Name });
    }

    private static Result<CaseRecord> Fail(string code, string message) => Result.Failure<CaseRecord>(new Error(code, message));
}
