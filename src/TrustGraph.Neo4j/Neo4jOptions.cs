using Microsoft.Extensions.Configuration;

namespace TrustGraph.Neo4j;

/// <summary>
/// Where Neo4j is and how to log in. Read from <c>NEO4J_URI</c>, <c>NEO4J_USER</c>, <c>NEO4J_PASSWORD</c> and
/// <c>NEO4J_DATABASE</c>, or from configuration keys <c>Neo4j:Uri</c>, <c>Neo4j:User</c>, <c>Neo4j:Password</c>,
/// <c>Neo4j:Database</c>; the environment variables win, as deployment settings do over appsettings.
/// TrustGraph talks to Neo4j's HTTP Query API, so the URI is the HTTP one (<c>http://localhost:7474</c>), not Bolt.
/// </summary>
public sealed record Neo4jOptions(Uri Uri, string User, string Password, string Database)
{
    public const string DefaultDatabase = "neo4j";
    public const string DefaultUser = "neo4j";

    /// <summary>Rows per <c>UNWIND $rows</c> statement when pushing.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>How many times an operation is tried in all when Neo4j answers <c>Neo.TransientError.*</c>.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first wait before a retry; each later wait doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(8);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The options from the environment, or an error naming the variable to set.</summary>
    public static Neo4jOptions? FromEnvironment(out string? error) =>
        From(Environment.GetEnvironmentVariable, out error);

    /// <summary>The options from configuration (environment-variable names first, then the <c>Neo4j:</c> section).</summary>
    public static Neo4jOptions? FromConfiguration(IConfiguration configuration, out string? error) =>
        From(key => configuration[key], out error);

    /// <summary>True when either form of the URI setting is present: Neo4j is opted into.</summary>
    public static bool IsConfigured(Func<string, string?> lookup) =>
        !string.IsNullOrWhiteSpace(Setting(lookup, "URI", "Uri"));

    public static Neo4jOptions? From(Func<string, string?> lookup, out string? error)
    {
        error = null;
        var uriText = Setting(lookup, "URI", "Uri");
        if (string.IsNullOrWhiteSpace(uriText))
        {
            error = "Neo4j is not configured: set NEO4J_URI (or Neo4j:Uri) to its HTTP address, e.g. http://localhost:7474.";
            return null;
        }
        if (!Uri.TryCreate(uriText.Trim(), UriKind.Absolute, out var uri))
        {
            error = $"NEO4J_URI '{uriText}' is not an absolute URI; expected the HTTP address of Neo4j, e.g. http://localhost:7474.";
            return null;
        }
        if (uri.Scheme is "bolt" or "bolt+s" or "bolt+ssc" or "neo4j" or "neo4j+s" or "neo4j+ssc")
        {
            error = $"NEO4J_URI '{uriText}' is a Bolt address; TrustGraph uses Neo4j's HTTP Query API, so give the HTTP port instead, e.g. http://{uri.Host}:7474.";
            return null;
        }
        if (uri.Scheme is not ("http" or "https"))
        {
            error = $"NEO4J_URI '{uriText}' has scheme '{uri.Scheme}'; expected http or https (e.g. http://localhost:7474).";
            return null;
        }
        var user = Setting(lookup, "USER", "User");
        var password = Setting(lookup, "PASSWORD", "Password");
        if (string.IsNullOrEmpty(password))
        {
            error = "NEO4J_PASSWORD (or Neo4j:Password) is not set; Neo4j needs a password for the user "
                + $"'{(string.IsNullOrWhiteSpace(user) ? DefaultUser : user)}'.";
            return null;
        }
        var database = Setting(lookup, "DATABASE", "Database");
        return new Neo4jOptions(uri, string.IsNullOrWhiteSpace(user) ? DefaultUser : user.Trim(), password,
            string.IsNullOrWhiteSpace(database) ? DefaultDatabase : database.Trim());
    }

    private static string? Setting(Func<string, string?> lookup, string environmentSuffix, string configurationKey)
    {
        var fromEnvironment = lookup("NEO4J_" + environmentSuffix);
        return !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment : lookup("Neo4j:" + configurationKey);
    }

    /// <summary>The options as a person may see them: never the password.</summary>
    public override string ToString() => $"{Uri} (database {Database}, user {User})";
}
