namespace TrustGraph.Neo4j;

/// <summary>What went wrong talking to Neo4j, so a caller can tell a retry from a fix.</summary>
public enum Neo4jProblem
{
    /// <summary>No connection: the server is down, the address is wrong, or it did not answer in time.</summary>
    Unreachable,

    /// <summary>The user name or password was refused.</summary>
    Unauthorized,

    /// <summary>The database named in the settings does not exist on the server.</summary>
    DatabaseNotFound,

    /// <summary>Neo4j rejected the request (<c>Neo.ClientError.*</c>): a statement, a constraint, a permission.</summary>
    ClientError,

    /// <summary>Neo4j could not serve the request right now (<c>Neo.TransientError.*</c>); trying again may work.</summary>
    TransientError,

    /// <summary>Neo4j failed (<c>Neo.DatabaseError.*</c>).</summary>
    DatabaseError,

    /// <summary>The server answered, but not as Neo4j's Query API does (wrong port, Neo4j older than 5.19, a proxy).</summary>
    NotQueryApi,
}

/// <summary>
/// A broken environment, not bad data: Neo4j unreachable, a refused password, a Neo4j error code. The message says
/// what happened and what to check; <see cref="Code"/> holds Neo4j's status code when it gave one.
/// </summary>
public sealed class Neo4jException(Neo4jProblem problem, string message, string? code = null, Exception? inner = null)
    : Exception(message, inner)
{
    public Neo4jProblem Problem { get; } = problem;
    public string? Code { get; } = code;
    public bool IsTransient => Problem == Neo4jProblem.TransientError;
}
