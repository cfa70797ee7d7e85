#!/usr/bin/env bash
# Generates 10,000 dossier files (variations of spec example admitted-on-time.json) and times
# `chibo check` over all of them in one process, as the batch appraisal of paper files would run.
# Usage: bench/check-10k.sh [COUNT] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
dll=src/Chibo/bin/Release/net10.0/chibo.dll
if [[ "${2:-}" != "--no-build" ]]; then
  dotnet build src/Chibo -c Release --nologo -v quiet >/dev/null
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/chibo-10k.XXXXXX")
trap 'rm -rf "$dir"' EXIT

python3 - "$dir" "$count" <<'PY'
import json, sys, random, datetime
out, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(10000)
def d(s, days): return (datetime.date.fromisoformat(s) + datetime.timedelta(days=days)).isoformat()
base = {
 "format": "chibo-dossier/1", "asOf": "2026-03-02",
 "cell": {"name": "Chi bộ Khoa Điều dưỡng", "isGrassroots": False},
 "applicant": {"fullName": "Vũ Thị Ngọc Ánh", "dateOfBirth": "2005-11-23", "gender": "female", "education": "12/12", "youthUnionMember": True, "over60Approved": False},
 "members": [{"id": "gv1", "fullName": "Nguyễn Đức Thành", "officialSince": "2008-05-19", "knownApplicantSince": "2023-09-04"}],
 "events": [
  {"kind": "source-listed", "date": "2024-10-15"}, {"kind": "union-introduced", "date": "2024-11-20"},
  {"kind": "sympathizer-listed", "date": "2024-12-05"}, {"kind": "helper-assigned", "date": "2024-12-05", "member": "gv1"},
  {"kind": "awareness-certificate", "date": "2025-04-11", "number": "88/CN", "issuer": "Trung tâm Chính trị"},
  {"kind": "application", "date": "2025-09-08"}, {"kind": "background-form", "date": "2025-09-08"},
  {"kind": "background-verified", "date": "2025-10-20"}, {"kind": "union-resolution", "date": "2025-10-24"},
  {"kind": "introduction", "date": "2025-10-27", "member": "gv1"}, {"kind": "opinions-summary", "date": "2025-11-03"},
  {"kind": "cell-resolution", "date": "2025-11-10", "votesFor": 9, "officialMembers": 12},
  {"kind": "committee-resolution", "date": "2025-11-25", "votesFor": 7, "committeeMembers": 9},
  {"kind": "admission-decision", "date": "2025-12-22", "received": "2025-12-24", "number": "35-QĐ/ĐU"},
  {"kind": "ceremony", "date": "2026-01-15"}],
 "calendar": {"extraHolidays": [], "extraWorkdays": []}}
for i in range(count):
    doc = json.loads(json.dumps(base))
    shift = rng.randint(-1500, 0)
    doc["asOf"] = d(doc["asOf"], shift)
    doc["applicant"]["fullName"] = f"Sinh viên {i:05d}"
    doc["applicant"]["dateOfBirth"] = d(doc["applicant"]["dateOfBirth"], shift + rng.randint(-2000, 60))
    doc["members"][0]["knownApplicantSince"] = d(doc["members"][0]["knownApplicantSince"], shift + rng.randint(-200, 200))
    for e in doc["events"]:
        e["date"] = d(e["date"], shift)
        if "received" in e: e["received"] = d(e["received"], shift)
    doc["events"][11]["votesFor"] = rng.randint(6, 12)
    cut = rng.randint(8, len(doc["events"]))
    doc["events"] = doc["events"][:cut]
    rng.shuffle(doc["events"])
    with open(f"{out}/d{i:05d}.json", "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
PY

echo "files: $(ls "$dir" | wc -l) in $dir"
cd "$dir"
start=$(date +%s.%N)
set +e
dotnet "$OLDPWD/$dll" check d*.json ${CHECK_FLAGS---json} > "$dir.out"
code=$?
set -e
end=$(date +%s.%N)
echo "exit: $code; output: $(wc -c < "$dir.out") bytes"
printf 'chibo check over %d files: %.2f s (including process start)\n' "$count" "$(echo "$end - $start" | bc)"
rm -f "$dir.out"
