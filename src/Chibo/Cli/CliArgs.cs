namespace Chibo.Cli;

/// <summary>
/// The arguments of one verb: positionals, the verb's own flags, and configuration overrides
/// (<c>--Section:Key=value</c>, as ASP.NET Core reads them). Anything else is a usage error.
/// </summary>
internal sealed class CliArgs
{
    private readonly Dictionary<string, string?> _flags = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    /// <summary>Overrides passed on to configuration, in <c>--key=value</c> form.</summary>
    public List<string> ConfigurationArgs { get; } = [];

    public bool Has(string flag) => _flags.ContainsKey(flag);

    public string? Value(string flag) => _flags.GetValueOrDefault(flag);

    /// <summary>Parses; returns null and sets <paramref name="error"/> (Vietnamese) on a usage error.</summary>
    /// <param name="switches">Flags without a value, e.g. <c>--json</c>.</param>
    /// <param name="valued">Flags that take a value, e.g. <c>--data DIR</c>.</param>
    public static CliArgs? Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> switches, IReadOnlyCollection<string> valued, out string? error)
    {
        var result = new CliArgs();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                result.Positionals.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            var inlineValue = equals < 0 ? null : arg[(equals + 1)..];
            if (switches.Contains(name) && inlineValue is null)
            {
                result._flags[name] = null;
            }
            else if (valued.Contains(name))
            {
                var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                if (string.IsNullOrEmpty(value))
                {
                    error = $"tùy chọn {name} cần một giá trị.";
                    return null;
                }

                result._flags[name] = value;
                result.ConfigurationArgs.AddRange(Translate(name, value));
            }
            else if (inlineValue is not null || name.Contains(':', StringComparison.Ordinal))
            {
                // A configuration override: --Database:Provider=Postgres or --Database:Provider Postgres.
                var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : "");
                result.ConfigurationArgs.Add($"{name}={value}");
            }
            else
            {
                error = $"tùy chọn không tồn tại: {name}.";
                return null;
            }
        }

        if (result.Has("--demo"))
        {
            result.ConfigurationArgs.Add("--Demo=true");
        }

        return result;
    }

    private static IEnumerable<string> Translate(string flag, string value) => flag switch
    {
        "--data" => [$"--Data:Directory={value}"],
        "--urls" => [$"--urls={value}"],
        _ => [],
    };
}
