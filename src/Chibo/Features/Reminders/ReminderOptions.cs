namespace Chibo.Features.Reminders;

/// <summary>Settings under <c>Chibo:Reminders</c>.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Chibo:Reminders";

    /// <summary>The daily job runs in the web app; off, reminders come only from <c>chibo remind</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A step is "due soon" when it falls within this many working days.</summary>
    public int WorkingDaysAhead { get; set; } = 10;

    /// <summary>The time of day (Vietnam, UTC+7) of the daily run.</summary>
    public TimeOnly RunAt { get; set; } = new(6, 0);

    /// <summary>The first run after a start, so that a server down at <see cref="RunAt"/> still reminds that day.</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Settings under <c>Chibo:Smtp</c>; without a <see cref="Host"/> no e-mail is sent.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Chibo:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, StartTlsWhenAvailable, SslOnConnect or Auto (MailKit's names).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "chibo@localhost";

    public string FromName { get; set; } = "Chibo";

    /// <summary>The address of the site, for the link in an e-mail ("https://chibo.example.vn").</summary>
    public string? SiteUrl { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
