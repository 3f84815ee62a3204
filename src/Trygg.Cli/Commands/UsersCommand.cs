using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.Cli.Commands;

/// <summary><c>trygg users add &lt;email&gt; --role &lt;role&gt;</c> and <c>trygg users list</c>.</summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("email") { Description = "E-postadress; blir också användarnamnet." };
        var role = new Option<string>("--role") { Description = $"Roll: {string.Join(", ", Roles.All)}.", Required = true };
        var organisation = new Option<string>("--organisation") { Description = "Organisationen personen arbetar för, med namn (t.ex. \"Polisregion Stockholm\"): den skriver sina egna avsnitt i lägesbilder." };
        var add = new Command("add", "Skapa ett konto med ett engångslösenord som skrivs ut en gång.") { email, role, organisation };
        add.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, token) =>
        {
            int? organisationId = null;
            if (parse.GetValue(organisation) is { } name)
            {
                organisationId = await services.GetRequiredService<AppDbContext>().Organisations.Where(o => o.Name == name.Trim()).Select(o => (int?)o.Id).FirstOrDefaultAsync(token);
                if (organisationId is null)
                {
                    Console.Error.WriteLine($"Fel: Ingen organisation heter '{name}'.");
                    return 1;
                }
            }

            var result = await services.GetRequiredService<UserAccounts>().AddAsync(parse.GetValue(email)!, parse.GetValue(role)!, organisationId: organisationId);
            if (result.Errors.Count > 0)
            {
                foreach (var error in result.Errors)
                {
                    Console.Error.WriteLine($"Fel: {error}");
                }

                return 1;
            }

            Console.WriteLine($"Kontot {parse.GetValue(email)!.Trim()} är skapat med rollen {Roles.Find(parse.GetValue(role))}.");
            Console.WriteLine($"Engångslösenord: {result.Password}");
            Console.WriteLine("Lösenordet visas bara nu och måste bytas vid första inloggningen.");
            return 0;
        }, cancellationToken));

        var list = new Command("list", "Lista konton med roller och status.");
        list.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, _) =>
        {
            var users = await services.GetRequiredService<UserAccounts>().ListAsync();
            if (users.Count == 0)
            {
                Console.WriteLine("Inga konton ännu. Webbtjänsten skapar kontot 'admin' vid första start.");
                return 0;
            }

            var width = Math.Max("Användarnamn".Length, users.Max(u => u.UserName.Length)) + 2;
            Console.WriteLine($"{"Användarnamn".PadRight(width)}{"Roll",-16}Status");
            foreach (var user in users)
            {
                var status = user.LockedOut ? "låst" : user.MustChangePassword ? "engångslösenord" : "aktiv";
                Console.WriteLine($"{user.UserName.PadRight(width)}{string.Join(", ", user.Roles),-16}{status}");
            }

            return 0;
        }, cancellationToken));

        return new Command("users", "Hantera användarkonton.") { add, list };
    }
}
