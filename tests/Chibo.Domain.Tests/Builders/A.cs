namespace Chibo.Domain.Tests.Builders;

/// <summary>Entry point of the test builders: <c>A.Dossier().IntroducedBy(A.Member().KnownFor(months: 11)).Check()</c>.</summary>
public static class A
{
    public static DossierBuilder Dossier() => new();

    public static MemberBuilder Member() => new();
}
