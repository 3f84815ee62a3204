using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.Cli.Commands;

/// <summary><c>trygg apikeys add --role &lt;role&gt; [--name &lt;name&gt;]</c> and <c>trygg apikeys list</c>.</summary>
public static class ApiKeysCommand
{
    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = $"Roll: {string.Join(", ", Roles.All)}.", Required = true };
        var name = new Option<string>("--name") { Description = "Vad nyckeln används till, t.ex. 'Trafikkontorets import'.", DefaultValueFactory = _ => "API-nyckel" };
        var add = new Command("add", "Skapa en API-nyckel; den skrivs ut en gång och skickas som X-Api-Key.") { role, name };
        add.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, token) =>
        {
            if (Roles.Find(parse.GetValue(role)) is null)
            {
                Console.Error.WriteLine($"Fel: okänd roll '{parse.GetValue(role)}'. Välj en av: {string.Join(", ", Roles.All)}.");
                return 1;
            }

            var (stored, key) = await services.GetRequiredService<ApiKeys>().CreateAsync(parse.GetValue(name)!, parse.GetValue(role)!, token);
            Console.WriteLine($"API-nyckel '{stored.Name}' med rollen {stored.Role}:");
            Console.WriteLine(key);
            Console.WriteLine("Nyckeln visas bara nu. Skicka den i huvudet X-Api-Key.");
            return 0;
        }, cancellationToken));

        var list = new Command("list", "Lista API-nycklar (utan själva nycklarna).");
        list.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, token) =>
        {
            var keys = await services.GetRequiredService<AppDbContext>().ApiKeys.OrderBy(k => k.Id).ToListAsync(token);
            foreach (var key in keys)
            {
                Console.WriteLine($"{key.Prefix}…  {key.Role,-14} {key.Name}{(key.RevokedAt is null ? "" : "  (återkallad)")}");
            }

            if (keys.Count == 0)
            {
                Console.WriteLine("Inga API-nycklar ännu.");
            }

            return 0;
        }, cancellationToken));

        return new Command("apikeys", "Hantera API-nycklar för maskinklienter.") { add, list };
    }
}
