using Chibo.Domain.Cases;

namespace Chibo.Domain.Rules;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>What one rule says of a dossier: its identifier, severity, a Vietnamese message and the text it rests on.</summary>
public sealed record Finding(string Rule, Severity Severity, string Message, string Basis);

/// <summary>An open step with a legal limit: when it is due and whether <c>asOf</c> is already past it.</summary>
public sealed record Deadline(string Step, DateOnly Due, bool Overdue);

/// <summary>The appraisal of one dossier.</summary>
public sealed record CheckReport(Stage Stage, string Rulebook, IReadOnlyList<Finding> Findings, IReadOnlyList<Deadline> Deadlines)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}
