using System.Runtime.CompilerServices;

namespace Chibo.Domain.Tests.Dossiers;

/// <summary>The three example dossiers of spec/examples, copied next to this file.</summary>
public static class ExampleFiles
{
    public static string Directory { get; } = Path.Combine(Path.GetDirectoryName(ThisFile())!, "Examples");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
