using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Trygg.ActionPlans;
using Trygg.FollowUp;

namespace Trygg.Cli.Commands;

/// <summary>
/// <c>trygg plans reminders --tertial 2026-T3</c>: the measures not followed up, one tab-separated line per organisation and
/// measure on standard output (organisation, measure, plan, the measure's address in Trygg), for a scheduled job that mails
/// each organisation; the count goes to standard error so that the output stays lines of data.
/// </summary>
public static class PlansCommand
{
    public static Command Create()
    {
        var tertial = new Option<string>("--tertial") { Description = "Tertialet, t.ex. 2026-T3; standard det pågående." };
        var reminders = new Command("reminders", "Åtgärder som pågår under tertialet men inte är uppföljda, en rad per ansvarig organisation och åtgärd.") { tertial };
        reminders.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, token) =>
        {
            var text = parse.GetValue(tertial);
            var period = services.GetRequiredService<Trygg.ActionPlans.ActionPlans>().CurrentTertial();
            if (text is not null && !Tertial.TryParse(text, out period))
            {
                Console.Error.WriteLine($"Fel: {Tertial.CannotRead(text)}");
                return 1;
            }

            var groups = await services.GetRequiredService<FollowUpReminders>().ForAsync(period, token);
            foreach (var group in groups)
            {
                foreach (var measure in group.Measures)
                {
                    Console.WriteLine($"{group.Organisation}\t{measure.Measure}\t{measure.Plan}\t/plans/{measure.PlanId}#measure-{measure.MeasureId}");
                }
            }

            var count = groups.Sum(g => g.Measures.Count);
            Console.Error.WriteLine(count == 0
                ? $"Alla åtgärder som pågår är uppföljda för {period}."
                : $"{count} {(count == 1 ? "åtgärd" : "åtgärder")} hos {groups.Count} {(groups.Count == 1 ? "organisation" : "organisationer")} är inte uppföljda för {period}.");
            return 0;
        }, cancellationToken));

        return new Command("plans", "Åtgärdsplaner och deras uppföljning.") { reminders };
    }
}
