namespace Trygg.Audit;

/// <summary>
/// Who makes the changes of a scope and from where, asked at the moment of saving (a request signs in before it saves).
/// Scoped: the web host resolves the signed-in user and the client address, the CLI the operating system's user; anything
/// else — the seeder on start, the police poller — is <see cref="System"/>.
/// </summary>
public sealed class AuditActor(Func<(string UserName, string From)> current)
{
    public const string System = "system";

    public AuditActor()
        : this(() => (System, ""))
    {
    }

    public static AuditActor Cli(string osUserName) => new(() => ($"cli:{osUserName}", "cli"));

    public (string UserName, string From) Current() => current();
}
