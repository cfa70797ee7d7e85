namespace Chibo.Domain.Common;

/// <summary>
/// Why something was refused: a stable code named after the rule that failed, a Vietnamese message and,
/// for bad input, where in the input (a JSON path such as <c>$.events[3].date</c>).
/// </summary>
public sealed record Error(string Code, string Message, string? Path = null);

/// <summary>The outcome of an operation that can be refused for a business reason. Refusals are values, not exceptions.</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    internal Result(T? value, IReadOnlyList<Error> errors)
    {
        _value = value;
        Errors = errors;
    }

    public bool IsSuccess => Errors.Count == 0;

    public IReadOnlyList<Error> Errors { get; }

    /// <summary>The value; reading it on a refusal is a programming error.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("Kết quả bị từ chối: không có giá trị.");
}

/// <summary>Helpers that keep call sites short.</summary>
public static class Result
{
    public static Result<T> Success<T>(T value) => new(value, []);

    public static Result<T> Failure<T>(Error error) => new(default, [error]);

    public static Result<T> Failure<T>(IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(default, errors);
}
