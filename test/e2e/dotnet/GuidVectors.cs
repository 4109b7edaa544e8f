// The .NET side of the byte-order vectors. For each GUID argument, and for n fresh Guid.NewGuid() with
// --random n, prints one line: <guid.ToString()> <Convert.ToBase64String(guid.ToByteArray())>.
// With --decode, each argument is a header instead and the line is <header> <new Guid(bytes)>.
using System;

static class GuidVectors
{
    static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--decode")
        {
            for (int i = 1; i < args.Length; i++)
                Console.WriteLine(args[i] + " " + new Guid(Convert.FromBase64String(args[i])).ToString());
            return 0;
        }
        if (args.Length > 1 && args[0] == "--random")
        {
            for (int i = int.Parse(args[1]); i > 0; i--) Print(Guid.NewGuid());
            return 0;
        }
        foreach (string guid in args) Print(new Guid(guid));
        return 0;
    }

    static void Print(Guid guid)
    {
        Console.WriteLine(guid.ToString() + " " + Convert.ToBase64String(guid.ToByteArray()));
    }
}
