using Chibo.Cli;

return await ChiboCommandLine.RunAsync(args, Console.Out, Console.Error);

/// <summary>Entry point; public so that integration tests can host the web app.</summary>
public partial class Program;
