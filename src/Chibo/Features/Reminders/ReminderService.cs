using Chibo.Hosting;
using Microsoft.Extensions.Options;

namespace Chibo.Features.Reminders;

/// <summary>Runs <see cref="SendReminders"/> shortly after a start, then every day at <see cref="ReminderOptions.RunAt"/> (Vietnam time).</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider time, ILogger<ReminderService> log) : BackgroundService
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var wait = settings.StartDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await RunOnceAsync(stoppingToken);
            var local = time.GetUtcNow().UtcDateTime + Vietnam;
            var next = local.Date + settings.RunAt.ToTimeSpan();
            wait = (next > local ? next : next.AddDays(1)) - local;
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var today = scope.ServiceProvider.GetRequiredService<ChiboClock>().Today;
            var run = await scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync(today, stoppingToken);
            log.LogInformation("Reminders: {Due} due, {Created} new, {Emailed} e-mailed, skipped for another instance: {Skipped}", run.Due, run.Created, run.Emailed, run.Skipped);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next day's run tries again; counts only, nothing personal.
            log.LogError("Reminder run failed: {Error}", ex.GetType().Name);
        }
    }
}
