using System.Globalization;
using Chibo.Cli;

// Every number and date a person reads is Vietnamese (1.500; 05/3/2024), whatever the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
return await ChiboCommandLine.RunAsync(args, Console.Out, Console.Error);

/// <summary>Entry point; public so that integration tests can host the web app.</summary>
public partial class Program;
