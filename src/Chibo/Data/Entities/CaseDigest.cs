using Chibo.Domain.Cases;

namespace Chibo.Data.Entities;

/// <summary>
/// A stage a case reached: the first day it entered it and the day it entered the next stage reached. Written with
/// every step recorded or withdrawn (<see cref="Features.Cases.CaseDigests"/>), so the dashboards read the time in
/// each stage without walking every step of a subtree.
/// </summary>
public sealed class CaseStageSpan
{
    public Guid CaseId { get; set; }
    public Stage Stage { get; set; }
    public DateOnly Entered { get; set; }
    public DateOnly? Left { get; set; }
    /// <summary>The case's cell, so a subtree's figures filter the spans without joining the cases.</summary>
    public Guid CellId { get; set; }
    /// <summary>Calendar days from entering to leaving; null while the case is still in the stage.</summary>
    public int? Days { get; set; }
}

/// <summary>
/// The rule engine's appraisal of an open case as of <see cref="AppraisedOn"/>, stored for the inspection list.
/// Written with every step recorded or withdrawn and every day by the reminder job; a row older than today, or made
/// for another <see cref="CaseVersion"/> of the case, is stale and appraised again before the list is read.
/// </summary>
public sealed class CaseAppraisalRecord
{
    public Guid CaseId { get; set; }
    public int CaseVersion { get; set; }
    public DateOnly AppraisedOn { get; set; }
    public int Errors { get; set; }
    public int Warnings { get; set; }
    /// <summary>The rule ids of the findings, each between commas (",R1,R2,"), so a filter is one LIKE.</summary>
    public required string Rules { get; set; }
    /// <summary>The findings as JSON: rule, severity and message, in the engine's order.</summary>
    public required string Findings { get; set; }
    /// <summary>The earliest due date among the deadlines already overdue: the overdue days grow with the date.</summary>
    public DateOnly? OverdueSince { get; set; }
    /// <summary>The next deadline not yet passed.</summary>
    public DateOnly? NextDue { get; set; }
}
