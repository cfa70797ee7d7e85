namespace Chibo.Domain.Tests.Builders;

/// <summary>An introducing member; by default official for years and known to the applicant for two years.</summary>
public sealed class MemberBuilder
{
    internal string FullName { get; private set; } = "Trần Thị B";

    internal int KnownForMonths { get; private set; } = 24;

    internal bool KnownSinceUnknown { get; private set; }

    internal DateOnly? OfficialSinceDate { get; private set; } = new DateOnly(2010, 3, 2);

    internal bool IsReplacement { get; private set; }

    internal DateOnly? IntroductionDate { get; private set; }

    public MemberBuilder Named(string fullName)
    {
        FullName = fullName;
        return this;
    }

    /// <summary>Worked or studied with the applicant for this many months before the introduction.</summary>
    public MemberBuilder KnownFor(int months)
    {
        KnownForMonths = months;
        return this;
    }

    public MemberBuilder KnownSinceNotGiven()
    {
        KnownSinceUnknown = true;
        return this;
    }

    public MemberBuilder Probationary()
    {
        OfficialSinceDate = null;
        return this;
    }

    public MemberBuilder OfficialSince(DateOnly date)
    {
        OfficialSinceDate = date;
        return this;
    }

    public MemberBuilder AsReplacement()
    {
        IsReplacement = true;
        return this;
    }

    public MemberBuilder IntroducingOn(DateOnly date)
    {
        IntroductionDate = date;
        return this;
    }
}
