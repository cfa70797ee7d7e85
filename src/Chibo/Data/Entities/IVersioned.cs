namespace Chibo.Data.Entities;

/// <summary>An entity with an app-managed optimistic concurrency version, raised on every save.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
