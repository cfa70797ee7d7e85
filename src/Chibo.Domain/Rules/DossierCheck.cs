using Chibo.Domain.Calendar;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;


namespace Chibo.Domain.Rules;

/// <summary>
/// The appraisal (thẩm định) of a dossier: a pure function of the dossier, the rulebooks and the calendar.
/// Each step is judged by the rulebook in force on its own date. Decisions where CHECK.md is silent are
/// in docs/decisions/0006-dossier-check-decisions.md.
/// </summary>
public static class DossierCheck
{
    public static CheckReport Run(Dossier dossier, RulebookSet rulebooks, WorkingCalendar calendar)
    {
        if (dossier.ExtraHolidays.Count > 0 || dossier.ExtraWorkdays.Count > 0)
        {
            calendar = calendar.WithExtra(dossier.ExtraHolidays, dossier.ExtraWorkdays);
        }

        var run = new Appraisal(dossier, rulebooks, calendar);
        run.CheckAll();
        return new CheckReport(run.Stage, rulebooks.InForceOn(run.LatestDate).Id, run.Findings, run.Deadlines);
    }

    /// <summary>The stage a dossier's events have reached: the furthest step, unless the road ended.</summary>
    public static Stage DeriveStage(IReadOnlyList<DossierEvent> events)
    {
        var stage = Stage.Source;
        DateOnly? ended = null;
        foreach (var e in events)
        {
            var reached = StageOf(e.Kind);
            if (reached is Stage.Withdrawn or Stage.RemovedFromProbation)
            {
                if (ended is null || e.Date >= ended)
                {
                    ended = e.Date;
                    stage = reached;
                }
            }
            else if (ended is null && reached > stage)
            {
                stage = reached;
            }
        }

        return stage;
    }

    private static Stage StageOf(EventKind kind) => kind switch
    {
        EventKind.SourceListed => Stage.Source,
        EventKind.UnionIntroduced => Stage.Outstanding,
        EventKind.SympathizerListed or EventKind.HelperAssigned => Stage.Sympathizer,
        EventKind.AwarenessCertificate => Stage.Trained,
        EventKind.Application or EventKind.BackgroundForm or EventKind.BackgroundVerified or EventKind.UnionResolution
            or EventKind.Introduction or EventKind.OpinionsSummary => Stage.Applying,
        EventKind.CellResolution => Stage.CellProposed,
        EventKind.CommitteeResolution => Stage.CommitteeProposed,
        EventKind.AdmissionDecision => Stage.Admitted,
        EventKind.Ceremony or EventKind.NewMemberCourse or EventKind.SelfReview or EventKind.HelperComment
            or EventKind.ProbationOpinions => Stage.Probationary,
        EventKind.RecognitionResolution or EventKind.RecognitionCommitteeResolution => Stage.RecognitionProposed,
        EventKind.RecognitionDecision => Stage.Official,
        EventKind.RemovedFromProbation => Stage.RemovedFromProbation,
        EventKind.Withdrawn => Stage.Withdrawn,
    };

    private sealed class Appraisal(Dossier dossier, RulebookSet rulebooks, WorkingCalendar calendar)
    {
        private readonly IReadOnlyList<DossierEvent> _events = dossier.Events;

        public List<Finding> Findings { get; } = [];

        public List<Deadline> Deadlines { get; } = [];

        public Stage Stage { get; } = DeriveStage(dossier.Events);

        public DateOnly LatestDate => _events.Count > 0 ? _events[^1].Date : dossier.AsOf;

        public void CheckAll()
        {
            var vote = Latest(EventKind.CellResolution);
            var decision = Latest(EventKind.AdmissionDecision);
            var ceremony = Latest(EventKind.Ceremony);
            var recognition = Latest(EventKind.RecognitionResolution);
            var recognitionDecision = Latest(EventKind.RecognitionDecision);

            CheckSequence(vote, decision, ceremony, recognition, recognitionDecision);
            if (vote is not null)
            {
                CheckAge(vote);
            }

            CheckEducation(vote);
            if (vote is not null)
            {
                CheckDossierBeforeVote(vote);
            }

            CheckIntroducers();
            if (vote is not null)
            {
                // Findings follow CHECK.md's table order, so opinions come after the introducers.
                if (!AnyOnOrBefore(EventKind.OpinionsSummary, vote.Date))
                {
                    Missing(RuleIds.OpinionsMissing, "tổng hợp ý kiến nhận xét của tổ chức đoàn thể và chi ủy nơi cư trú (5-KNĐ)", vote.Date);
                }

                CheckStaleness(vote);
            }

            CheckVote(vote, RuleIds.CellVoteBelowTwoThirds, "Chi bộ biểu quyết đề nghị kết nạp");
            if (!dossier.Cell.IsGrassroots && decision is not null && !AnyOnOrBefore(EventKind.CommitteeResolution, decision.Date))
            {
                Add(RuleIds.CommitteeResolutionMissing, Severity.Error, decision.Date,
                    $"Chi bộ không phải chi bộ cơ sở nhưng không có nghị quyết đảng ủy cơ sở đề nghị kết nạp (8-KNĐ) trước quyết định kết nạp ngày {Show(decision.Date)}");
            }

            // "On a committee-resolution or recognition-committee-resolution": every one of them is judged.
            foreach (var e in _events)
            {
                if (e.Kind == EventKind.CommitteeResolution)
                {
                    CheckVote(e, RuleIds.CommitteeVoteBelowTwoThirds, "Đảng ủy cơ sở biểu quyết đề nghị kết nạp");
                }
                else if (e.Kind == EventKind.RecognitionCommitteeResolution)
                {
                    CheckVote(e, RuleIds.CommitteeVoteBelowTwoThirds, "Đảng ủy cơ sở biểu quyết đề nghị công nhận chính thức");
                }
            }

            CheckDecision(vote, decision);
            CheckCeremony(decision, ceremony);
            CheckProbation(ceremony, recognition);
            CheckVote(recognition, RuleIds.RecognitionVoteBelowTwoThirds, "Chi bộ biểu quyết đề nghị công nhận chính thức");
            CheckRecognitionDecision(recognition, recognitionDecision);
            CheckHelper();
        }

        private void CheckSequence(DossierEvent? vote, DossierEvent? decision, DossierEvent? ceremony, DossierEvent? recognition, DossierEvent? recognitionDecision)
        {
            // The step that counts (the latest) against the first of what it depends on: one earlier instance is enough.
            SequencePair(decision, Earliest(EventKind.CellResolution));
            SequencePair(ceremony, Earliest(EventKind.AdmissionDecision));
            SequencePair(recognition, Earliest(EventKind.Ceremony));
            SequencePair(recognitionDecision, Earliest(EventKind.RecognitionResolution));
            SequencePair(vote, Earliest(EventKind.Application));
        }

        private void SequencePair(DossierEvent? step, DossierEvent? dependsOn)
        {
            if (step is not null && dependsOn is not null && step.Date < dependsOn.Date)
            {
                Add(RuleIds.Sequence, Severity.Error, step.Date,
                    $"{Capitalize(step.Kind.ToVietnamese())} ngày {Show(step.Date)} có trước {dependsOn.Kind.ToVietnamese()} ngày {Show(dependsOn.Date)} (phải có sau)");
            }
        }

        private void CheckAge(DossierEvent vote)
        {
            var p = Params(vote.Date);
            var months = VietnameseDates.FullMonths(dossier.Applicant.DateOfBirth, vote.Date);
            if (months < p.MinAgeMonths)
            {
                Add(RuleIds.AgeMin, Severity.Error, vote.Date,
                    $"Người vào Đảng {dossier.Applicant.FullName} mới {AgeText(months)} vào ngày chi bộ xét kết nạp {Show(vote.Date)} (cần đủ {p.MinAgeMonths / 12} tuổi, tức {p.MinAgeMonths} tháng)");
            }

            if (months > p.MaxAgeMonths && !dossier.Applicant.Over60Approved)
            {
                Add(RuleIds.AgeMax, Severity.Error, vote.Date,
                    $"Người vào Đảng {dossier.Applicant.FullName} đã {AgeText(months)} vào ngày chi bộ xét kết nạp {Show(vote.Date)} (quá {p.MaxAgeMonths / 12} tuổi phải được cấp ủy cấp tỉnh đồng ý)");
            }
        }

        private static string AgeText(int months) => months < 0 ? "chưa sinh" : VietnameseDates.Age(months);

        private void CheckEducation(DossierEvent? vote)
        {
            var on = vote?.Date ?? LatestDate;
            var p = Params(on);
            if (dossier.Applicant.EducationGrade < p.MinEducationGrade)
            {
                Add(RuleIds.EducationMin, Severity.Error, on,
                    $"Trình độ học vấn {dossier.Applicant.Education} chưa đủ (cần tốt nghiệp trung học cơ sở, ít nhất {p.MinEducationGrade}/12)");
            }
        }

        private void CheckDossierBeforeVote(DossierEvent vote)
        {
            var on = vote.Date;
            var p = Params(on);
            var certificate = LatestOnOrBefore(EventKind.AwarenessCertificate, on);
            if (certificate is null)
            {
                Missing(RuleIds.CertMissing, "giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng", on);
            }
            else
            {
                var months = VietnameseDates.FullMonths(certificate.Date, on);
                if (months > p.CertificateValidityMonths)
                {
                    Add(RuleIds.CertExpired, Severity.Error, on,
                        $"Giấy chứng nhận nhận thức về Đảng số {certificate.Number} cấp ngày {Show(certificate.Date)} đã được {months} tháng vào ngày chi bộ xét kết nạp {Show(on)} (chỉ có giá trị {p.CertificateValidityMonths} tháng)");
                }
            }

            if (!AnyOnOrBefore(EventKind.Application, on))
            {
                Missing(RuleIds.ApplicationMissing, "đơn xin vào Đảng (1-KNĐ)", on);
            }

            if (!AnyOnOrBefore(EventKind.BackgroundForm, on))
            {
                Missing(RuleIds.BackgroundFormMissing, "lý lịch của người xin vào Đảng (2-KNĐ)", on);
            }

            if (!AnyOnOrBefore(EventKind.BackgroundVerified, on))
            {
                Missing(RuleIds.BackgroundNotVerified, "kết luận thẩm tra lý lịch", on);
            }

            var unionResolution = AnyOnOrBefore(EventKind.UnionResolution, on);
            if (dossier.Applicant.YouthUnionMember && !unionResolution)
            {
                Missing(RuleIds.UnionResolutionMissing, "nghị quyết giới thiệu đoàn viên của Đoàn (4-KNĐ) dù người vào Đảng là đoàn viên", on);
            }

            var needed = unionResolution ? 1 : 2;
            var introducers = IntroductionsUsedFor(on).Count;
            if (introducers < needed)
            {
                Add(RuleIds.IntroducersMissing, Severity.Error, on, unionResolution
                    ? $"Có {introducers} đảng viên chính thức giới thiệu trước ngày chi bộ xét kết nạp {Show(on)} (cần 1 đảng viên cùng nghị quyết giới thiệu của Đoàn)"
                    : $"Có {introducers} đảng viên chính thức giới thiệu trước ngày chi bộ xét kết nạp {Show(on)} (cần 2 đảng viên, hoặc 1 đảng viên cùng nghị quyết giới thiệu của Đoàn)");
            }
        }

        private void Missing(string rule, string what, DateOnly vote) =>
            Add(rule, Severity.Error, vote, $"Không có {what} trước ngày chi bộ xét kết nạp {Show(vote)}");

        private void CheckIntroducers()
        {
            // Judge each introducer once, by the latest introduction they signed (a redone introduction supersedes the old one).
            foreach (var introduction in LatestIntroductionPerMember(null))
            {
                var member = dossier.FindMember(introduction.Member)!;
                var on = introduction.Date;
                var p = Params(on);
                if (member.OfficialSince is null || member.OfficialSince > on)
                {
                    Add(RuleIds.IntroducerNotOfficial, Severity.Error, on, member.OfficialSince is null
                        ? $"Người giới thiệu {member.FullName} không phải đảng viên chính thức (cần đảng viên chính thức)"
                        : $"Người giới thiệu {member.FullName} chỉ là đảng viên chính thức từ {Show(member.OfficialSince.Value)}, sau ngày giới thiệu {Show(on)} (cần là đảng viên chính thức khi giới thiệu)");
                }

                // Without knownApplicantSince the rule has nothing to measure (CHECK.md's letter); the app asks for it on entry.
                if (!introduction.Replacement && member.KnownApplicantSince is { } since)
                {
                    var months = VietnameseDates.FullMonths(since, on);
                    if (months < p.IntroducerAcquaintanceMonths)
                    {
                        Add(RuleIds.IntroducerUnder12Months, Severity.Error, on,
                            $"Người giới thiệu {member.FullName} mới công tác cùng người vào Đảng {Math.Max(months, 0)} tháng (cần ít nhất {p.IntroducerAcquaintanceMonths} tháng)");
                    }
                }
            }
        }

        private void CheckStaleness(DossierEvent vote)
        {
            var on = vote.Date;
            var limit = Params(on).DossierStalenessMonths;
            foreach (var introduction in IntroductionsUsedFor(on))
            {
                var member = dossier.FindMember(introduction.Member)!;
                Stale(introduction, $"Giấy giới thiệu của {member.FullName}", on, limit);
            }

            if (LatestOnOrBefore(EventKind.UnionResolution, on) is { } union)
            {
                Stale(union, "Nghị quyết giới thiệu của Đoàn (4-KNĐ)", on, limit);
            }

            if (LatestOnOrBefore(EventKind.OpinionsSummary, on) is { } opinions)
            {
                Stale(opinions, "Tổng hợp ý kiến nhận xét (5-KNĐ)", on, limit);
            }
        }

        private void Stale(DossierEvent document, string what, DateOnly vote, int limit)
        {
            var months = VietnameseDates.FullMonths(document.Date, vote);
            if (months > limit)
            {
                Add(RuleIds.DossierStale, Severity.Error, vote,
                    $"{what} ngày {Show(document.Date)} đã {months} tháng vào ngày chi bộ xét kết nạp {Show(vote)} (quá {limit} tháng phải làm lại)");
            }
        }

        private void CheckVote(DossierEvent? e, string rule, string what)
        {
            if (e is null)
            {
                return;
            }

            var p = Params(e.Date);
            if (!p.VotePasses(e.VotesFor, e.Voters))
            {
                var needed = ((p.VoteThresholdNumerator * e.Voters) + p.VoteThresholdDenominator - 1) / p.VoteThresholdDenominator;
                var voters = rule == RuleIds.CommitteeVoteBelowTwoThirds ? "cấp ủy viên" : "đảng viên chính thức";
                Add(rule, Severity.Error, e.Date,
                    $"{what} ngày {Show(e.Date)}: {e.VotesFor}/{e.Voters} {voters} tán thành, chưa đạt {p.VoteThresholdNumerator}/{p.VoteThresholdDenominator} (cần ít nhất {needed})");
            }
        }

        private void CheckDecision(DossierEvent? vote, DossierEvent? decision)
        {
            if (vote is null)
            {
                return;
            }

            var p = Params(vote.Date);
            if (decision is not null)
            {
                if (decision.Date < vote.Date)
                {
                    return;
                }

                var limit = p.DecisionWorkingDays + (decision.Extended ? p.DecisionExtensionWorkingDays : 0);
                var days = calendar.CountWorkingDays(vote.Date, decision.Date);
                if (days > limit)
                {
                    Add(RuleIds.DecisionLate, Severity.Warning, decision.Date,
                        $"Quyết định kết nạp ngày {Show(decision.Date)} sau {days} ngày làm việc kể từ nghị quyết chi bộ ngày {Show(vote.Date)} (tối đa {limit} ngày làm việc)");
                }
            }
            else if (Open)
            {
                var due = calendar.AddWorkingDays(vote.Date, p.DecisionWorkingDays);
                Deadlines.Add(new Deadline(EventKind.AdmissionDecision.ToFileName(), due, dossier.AsOf > due));
                if (dossier.AsOf > due)
                {
                    Add(RuleIds.DecisionOverdue, Severity.Warning, vote.Date,
                        $"Đến ngày {Show(dossier.AsOf)} chưa có quyết định kết nạp, đã quá hạn {Show(due)} ({p.DecisionWorkingDays} ngày làm việc kể từ nghị quyết chi bộ ngày {Show(vote.Date)})");
                }
            }
        }

        private void CheckCeremony(DossierEvent? decision, DossierEvent? ceremony)
        {
            if (decision is null)
            {
                return;
            }

            var received = decision.Received ?? decision.Date;
            var p = Params(received);
            if (ceremony is not null)
            {
                var days = calendar.CountWorkingDays(received, ceremony.Date);
                if (days > p.CeremonyWorkingDays && !ceremony.DelayApproved)
                {
                    Add(RuleIds.CeremonyLate, Severity.Error, ceremony.Date,
                        $"Lễ kết nạp ngày {Show(ceremony.Date)} sau {days} ngày làm việc kể từ khi nhận quyết định ngày {Show(received)} (tối đa {p.CeremonyWorkingDays} ngày làm việc, muộn hơn phải được cấp ủy cấp trên đồng ý)");
                }
            }
            else if (Open)
            {
                var due = calendar.AddWorkingDays(received, p.CeremonyWorkingDays);
                Deadlines.Add(new Deadline(EventKind.Ceremony.ToFileName(), due, dossier.AsOf > due));
                if (dossier.AsOf > due)
                {
                    Add(RuleIds.CeremonyOverdue, Severity.Warning, received,
                        $"Đến ngày {Show(dossier.AsOf)} chưa tổ chức lễ kết nạp, đã quá hạn {Show(due)} ({p.CeremonyWorkingDays} ngày làm việc kể từ khi nhận quyết định ngày {Show(received)})");
                }
            }
        }

        private void CheckProbation(DossierEvent? ceremony, DossierEvent? recognition)
        {
            if (ceremony is not null && recognition is null && Open)
            {
                var due = ceremony.Date.AddMonths(Params(ceremony.Date).ProbationMonths);
                Deadlines.Add(new Deadline(EventKind.RecognitionResolution.ToFileName(), due, dossier.AsOf > due));
            }

            if (recognition is null)
            {
                return;
            }

            var on = recognition.Date;
            var p = Params(on);
            if (ceremony is not null)
            {
                var months = VietnameseDates.FullMonths(ceremony.Date, on);
                if (months < p.ProbationMonths)
                {
                    Add(RuleIds.ProbationIncomplete, Severity.Error, on,
                        $"Chi bộ xét công nhận chính thức ngày {Show(on)}, mới {Math.Max(months, 0)} tháng dự bị kể từ lễ kết nạp ngày {Show(ceremony.Date)} (cần đủ {p.ProbationMonths} tháng)");
                }
            }

            MissingBeforeRecognition(EventKind.NewMemberCourse, RuleIds.NewMemberCourseMissing, "giấy chứng nhận học lớp bồi dưỡng đảng viên mới", on);
            MissingBeforeRecognition(EventKind.SelfReview, RuleIds.SelfReviewMissing, "bản tự kiểm điểm của đảng viên dự bị (10-KNĐ)", on);
            MissingBeforeRecognition(EventKind.HelperComment, RuleIds.HelperCommentMissing, "bản nhận xét của đảng viên giúp đỡ (11-KNĐ)", on);
            MissingBeforeRecognition(EventKind.ProbationOpinions, RuleIds.ProbationOpinionsMissing, "tổng hợp ý kiến nhận xét đảng viên dự bị (12-KNĐ)", on);
        }

        private void MissingBeforeRecognition(EventKind kind, string rule, string what, DateOnly on)
        {
            if (!AnyOnOrBefore(kind, on))
            {
                Add(rule, Severity.Error, on, $"Không có {what} trước ngày chi bộ xét công nhận chính thức {Show(on)}");
            }
        }

        private void CheckRecognitionDecision(DossierEvent? recognition, DossierEvent? decision)
        {
            if (recognition is null)
            {
                return;
            }

            var p = Params(recognition.Date);
            if (decision is not null)
            {
                if (decision.Date < recognition.Date)
                {
                    return;
                }

                var limit = p.RecognitionDecisionWorkingDays + (decision.Extended ? p.RecognitionDecisionExtensionWorkingDays : 0);
                var days = calendar.CountWorkingDays(recognition.Date, decision.Date);
                if (days > limit)
                {
                    Add(RuleIds.RecognitionDecisionLate, Severity.Warning, decision.Date,
                        $"Quyết định công nhận chính thức ngày {Show(decision.Date)} sau {days} ngày làm việc kể từ nghị quyết chi bộ ngày {Show(recognition.Date)} (tối đa {limit} ngày làm việc)");
                }
            }
            else if (Open)
            {
                var due = calendar.AddWorkingDays(recognition.Date, p.RecognitionDecisionWorkingDays);
                Deadlines.Add(new Deadline(EventKind.RecognitionDecision.ToFileName(), due, dossier.AsOf > due));
            }
        }

        private void CheckHelper()
        {
            if (Stage is < Stage.Sympathizer or > Stage.Official)
            {
                return;
            }

            foreach (var e in _events)
            {
                if (e.Kind == EventKind.HelperAssigned && dossier.FindMember(e.Member) is { OfficialSince: { } since } && since <= e.Date)
                {
                    return;
                }
            }

            var on = LatestDate;
            Add(RuleIds.HelperMissing, Severity.Warning, on,
                "Chưa phân công đảng viên chính thức giúp đỡ người vào Đảng (chi bộ phải phân công đảng viên chính thức giúp đỡ quần chúng ưu tú)");
        }

        /// <summary>False once the road has ended: a withdrawn case has no deadlines.</summary>
        private bool Open => !Stage.IsTerminal();

        private List<DossierEvent> IntroductionsUsedFor(DateOnly vote) => LatestIntroductionPerMember(vote);

        private List<DossierEvent> LatestIntroductionPerMember(DateOnly? onOrBefore)
        {
            var result = new List<DossierEvent>(2);
            foreach (var e in _events)
            {
                if (e.Kind != EventKind.Introduction || (onOrBefore is { } limit && e.Date > limit))
                {
                    continue;
                }

                var i = result.FindIndex(x => x.Member == e.Member);
                if (i >= 0)
                {
                    result[i] = e;
                }
                else
                {
                    result.Add(e);
                }
            }

            return result;
        }

        private DossierEvent? Latest(EventKind kind)
        {
            for (var i = _events.Count - 1; i >= 0; i--)
            {
                if (_events[i].Kind == kind)
                {
                    return _events[i];
                }
            }

            return null;
        }

        private DossierEvent? Earliest(EventKind kind)
        {
            foreach (var e in _events)
            {
                if (e.Kind == kind)
                {
                    return e;
                }
            }

            return null;
        }

        private DossierEvent? LatestOnOrBefore(EventKind kind, DateOnly date)
        {
            DossierEvent? found = null;
            foreach (var e in _events)
            {
                if (e.Date > date)
                {
                    break;
                }

                if (e.Kind == kind)
                {
                    found = e;
                }
            }

            return found;
        }

        private bool AnyOnOrBefore(EventKind kind, DateOnly date) => LatestOnOrBefore(kind, date) is not null;

        private RulebookParameters Params(DateOnly date) => rulebooks.InForceOn(date).Parameters;

        private void Add(string rule, Severity severity, DateOnly stepDate, string message) =>
            Findings.Add(new Finding(rule, severity, message, rulebooks.InForceOn(stepDate).Basis));

        private static string Show(DateOnly date) => VietnameseDates.Display(date);

        private static string Capitalize(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
    }
}
