namespace TrustGraph.Web.Security;

/// <summary>
/// <c>dotnet run --project src/TrustGraph.Web -- hash-password</c>: asks for the admin password twice (without echo at a
/// terminal; from the first line of standard input when it is redirected) and prints the hash to put in
/// <c>TrustGraph:AdminPasswordHash</c>. The password itself is never stored or printed.
/// </summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";
    public const int MinimumLength = 12;

    public static int Run(TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        string? password;
        if (interactive)
        {
            error.Write("Admin password: ");
            password = ReadHidden();
            error.Write("Again: ");
            if (ReadHidden() != password)
            {
                error.WriteLine("The two passwords differ; nothing was printed.");
                return 2;
            }
        }
        else
        {
            password = input.ReadLine();
        }
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            error.WriteLine($"The password must have at least {MinimumLength} characters; nothing was printed.");
            return 2;
        }
        var hash = AdminAccount.Hash(password);
        output.WriteLine(hash);
        error.WriteLine($"Set it in configuration as {AdminAccount.HashKey} or in the environment, e.g.");
        error.WriteLine($"  export {AdminAccount.HashEnvironmentVariable}='{hash}'");
        return 0;
    }

    private static string ReadHidden()
    {
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return text.ToString();
    }
}
