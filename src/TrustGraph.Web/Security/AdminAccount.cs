using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TrustGraph.Web.Security;

/// <summary>
/// Who may change data: configuration section <c>TrustGraph</c>, keys <c>AdminPasswordHash</c> (environment
/// <c>TrustGraph__AdminPasswordHash</c>) and <c>AdminUserName</c> (default <c>admin</c>). The hash is ASP.NET Core
/// Identity's (PBKDF2); make one with <c>dotnet run --project src/TrustGraph.Web -- hash-password</c>.
/// </summary>
public sealed class AdminOptions
{
    public string? AdminPasswordHash { get; set; }
    public string AdminUserName { get; set; } = "admin";
}

/// <summary>
/// The one account that may import and undo. There is no default password: with no hash configured (or one that is
/// not a hash), writing is off and <see cref="Problem"/> says how to turn it on.
/// </summary>
public sealed class AdminAccount
{
    public const string HashKey = "TrustGraph:AdminPasswordHash";
    public const string HashEnvironmentVariable = "TrustGraph__AdminPasswordHash";
    public const string HashCommand = "dotnet run --project src/TrustGraph.Web -- hash-password";

    /// <summary>The role the signed-in admin holds; import and undo require it.</summary>
    public const string Role = "trustgraph-admin";

    private static readonly PasswordHasher<Admin> Hasher = new();
    private readonly string? _hash;

    public AdminAccount(IOptions<AdminOptions> options, ILogger<AdminAccount> log)
    {
        UserName = string.IsNullOrWhiteSpace(options.Value.AdminUserName) ? "admin" : options.Value.AdminUserName.Trim();
        var hash = options.Value.AdminPasswordHash?.Trim();
        if (string.IsNullOrEmpty(hash))
        {
            Problem = "no admin password hash is configured";
            log.LogInformation("Import and undo are off: {Key} is not set", HashKey);
        }
        else if (!LooksLikeHash(hash))
        {
            Problem = $"{HashKey} is set but is not a password hash made by '{HashCommand}'";
            log.LogError("Import and undo are off: {Problem}", Problem);
        }
        else
        {
            _hash = hash;
        }
    }

    /// <summary>The name to sign in with.</summary>
    public string UserName { get; }

    /// <summary>True when a valid hash is configured, so signing in (and then importing) is possible.</summary>
    public bool WritesEnabled => _hash is not null;

    /// <summary>Why writing is off, or null when it is on.</summary>
    public string? Problem { get; }

    /// <summary>True only for the configured user name and the password whose hash is configured.</summary>
    public bool Verify(string? userName, string? password)
    {
        if (_hash is null || string.IsNullOrEmpty(password) || password.Length > 1024) return false;
        var nameMatches = string.Equals(userName?.Trim(), UserName, StringComparison.OrdinalIgnoreCase);
        var result = Hasher.VerifyHashedPassword(new Admin(), _hash, password);
        return nameMatches && result != PasswordVerificationResult.Failed;
    }

    /// <summary>The signed-in admin, as the sign-in cookie carries it.</summary>
    public System.Security.Claims.ClaimsPrincipal Principal() => new(new System.Security.Claims.ClaimsIdentity(
        [new(System.Security.Claims.ClaimTypes.Name, UserName), new(System.Security.Claims.ClaimTypes.Role, Role)],
        Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>A new hash of <paramref name="password"/> (PBKDF2 with HMAC-SHA512, a random salt, 100,000 iterations).</summary>
    public static string Hash(string password) => Hasher.HashPassword(new Admin(), password);

    /// <summary>The user type Identity's hasher asks for; it reads nothing from it.</summary>
    private sealed class Admin;

    /// <summary>Identity's version-3 format: base64 of a 0x01 marker, the PRF, the iteration count, the salt and the subkey.</summary>
    private static bool LooksLikeHash(string hash)
    {
        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length >= 13 + 16 && bytes[0] == 0x01;
    }
}
