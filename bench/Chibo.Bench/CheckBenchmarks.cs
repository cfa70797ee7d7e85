using System.Text;
using BenchmarkDotNet.Attributes;
using Chibo.Domain.Calendar;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;

namespace Chibo.Bench;

/// <summary>Checking one typical dossier (the admitted-on-time example), in memory and from its bytes.</summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    /// <summary>spec/examples/admitted-on-time.json, inlined so the benchmark needs no file.</summary>
    public const string Typical = """
        {"format":"chibo-dossier/1","asOf":"2026-03-02","cell":{"name":"Chi bộ Khoa Điều dưỡng","isGrassroots":false},
        "applicant":{"fullName":"Vũ Thị Ngọc Ánh","dateOfBirth":"2005-11-23","gender":"female","education":"12/12","youthUnionMember":true,"over60Approved":false},
        "members":[{"id":"gv1","fullName":"Nguyễn Đức Thành","officialSince":"2008-05-19","knownApplicantSince":"2023-09-04"}],
        "events":[{"kind":"source-listed","date":"2024-10-15"},{"kind":"union-introduced","date":"2024-11-20"},
        {"kind":"sympathizer-listed","date":"2024-12-05"},{"kind":"helper-assigned","date":"2024-12-05","member":"gv1"},
        {"kind":"awareness-certificate","date":"2025-04-11","number":"88/CN","issuer":"Trung tâm Chính trị"},
        {"kind":"application","date":"2025-09-08"},{"kind":"background-form","date":"2025-09-08"},
        {"kind":"background-verified","date":"2025-10-20"},{"kind":"union-resolution","date":"2025-10-24"},
        {"kind":"introduction","date":"2025-10-27","member":"gv1"},{"kind":"opinions-summary","date":"2025-11-03"},
        {"kind":"cell-resolution","date":"2025-11-10","votesFor":9,"officialMembers":12},
        {"kind":"committee-resolution","date":"2025-11-25","votesFor":7,"committeeMembers":9},
        {"kind":"admission-decision","date":"2025-12-22","received":"2025-12-24","number":"35-QĐ/ĐU"},
        {"kind":"ceremony","date":"2026-01-15"}],"calendar":{"extraHolidays":[],"extraWorkdays":[]}}
        """;

    private readonly byte[] _bytes = Encoding.UTF8.GetBytes(Typical);
    private Dossier _dossier = null!;

    [GlobalSetup]
    public void Setup() => _dossier = DossierReader.Read(_bytes).Value;

    [Benchmark(Baseline = true)]
    public CheckReport CheckInMemory() => DossierCheck.Run(_dossier, Rulebooks.Vietnam, WorkingCalendar.Vietnam);

    [Benchmark]
    public CheckReport ReadAndCheck() => DossierCheck.Run(DossierReader.Read(_bytes).Value, Rulebooks.Vietnam, WorkingCalendar.Vietnam);
}
