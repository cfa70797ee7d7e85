using Chibo.Data.Entities;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chibo.Features.Reminders;

/// <summary>
/// Sends reminders through the SMTP server under <c>Chibo:Smtp</c> (MailKit, docs/decisions/0015-reminders-mailkit.md).
/// An e-mail carries the subject and a link, never the applicant's name: the file is read in the app, where reads are audited.
/// </summary>
public sealed class ReminderMailer(IOptions<SmtpOptions> options)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task<Session> ConnectAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SmtpClient();
        try
        {
            var security = Enum.TryParse<SecureSocketOptions>(settings.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTlsWhenAvailable;
            await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return new Session(client, settings);
    }

    public static MimeMessage Compose(SmtpOptions settings, string to, Notification notification)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = $"[Chibo] {notification.Subject}";
        var link = notification.Link is null ? "" : $"\n\nXem chi tiết: {settings.SiteUrl?.TrimEnd('/')}{notification.Link}";
        message.Body = new TextPart("plain")
        {
            Text = $"Kính gửi đồng chí,\n\nChibo nhắc việc: {notification.Subject}.{link}\n\nĐây là thư tự động, xin đừng trả lời.",
        };
        return message;
    }

    public sealed class Session(SmtpClient client, SmtpOptions settings) : IAsyncDisposable
    {
        public async Task SendAsync(string to, Notification notification, CancellationToken cancellationToken) =>
            await client.SendAsync(Compose(settings, to, notification), cancellationToken);

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }

            client.Dispose();
        }
    }
}
