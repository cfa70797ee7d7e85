using Chibo.Data.Entities;

namespace Chibo.Features.Meetings;

/// <summary>A task as _Task.cshtml shows it: where it was assigned, its follow-up history and, for who may, the forms.</summary>
/// <param name="PostTo">The page the follow-up forms post to (its FollowUp and CloseTask handlers).</param>
public sealed record TaskView(MeetingTask Task, DateOnly AssignedOn, string? Organisation, bool CanFollow, bool Mine, DateOnly Today, string PostTo);
