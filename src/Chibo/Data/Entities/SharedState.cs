namespace Chibo.Data.Entities;

/// <summary>
/// A sheet sent to the import page, kept between its preview and its commit. It lives in the database, not on
/// one instance's disk, so the commit may land on any instance behind the proxy.
/// </summary>
public sealed class PendingUpload
{
    /// <summary>32 random hex digits, handed to the page that sent the sheet.</summary>
    public required string Token { get; set; }
    /// <summary>Only the account that sent the sheet may use it.</summary>
    public required string UserId { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>
/// A number that goes up whenever something shared changes (e.g. "portal" when what the public sees changes):
/// every instance compares it with the value it last saw and drops what it cached locally.
/// </summary>
public sealed class ChangeCounter
{
    public required string Name { get; set; }
    public long Value { get; set; }
}
