using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Security;

namespace Trygg.Collaboration;

/// <summary>
/// The machinery of samverkan: organisations with their coordinators and responsibilities, groups with mandates, their
/// meetings, decisions and tasks, written agreements and citizen promises, steering documents and safety investments.
/// Each change is validated with Swedish messages per field and saved whole or not at all.
/// </summary>
public sealed class Governance(AppDbContext db, AreaShapes shapes, TimeProvider time)
{
    /// <summary>How long before its end a working group is warned about, and an agreement's review or expiry reminded of.</summary>
    public const int WarningDays = 30;

    public async Task<Dictionary<string, string>> UpdateOrganisationAsync(int id, OrganisationInput input, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.Include(o => o.Responsibilities).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return new() { ["organisation"] = "Organisationen finns inte." };
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var email = input.CoordinatorEmail?.Trim() ?? "";
        if (email.Length > 0 && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            errors["coordinatorEmail"] = $"'{email}' är ingen e-postadress.";
        }

        if (string.IsNullOrWhiteSpace(input.CoordinatorName) && (email.Length > 0 || input.IsCoordinatingFunction))
        {
            errors["coordinatorName"] = input.IsCoordinatingFunction ? "Den samordnande funktionen behöver en namngiven samordnare." : "Ange samordnarens namn.";
        }

        if (input.ParentId == id || (input.ParentId is { } parent && !await db.Organisations.AnyAsync(o => o.Id == parent, cancellationToken)))
        {
            errors["parent"] = "Välj en annan organisation som överordnad.";
        }

        var focusAreas = await db.FocusAreas.Select(f => f.Number).ToListAsync(cancellationToken);
        if (input.Responsibilities.Keys.Any(n => !focusAreas.Contains(n)))
        {
            errors["responsibilities"] = "Ett av fokusområdena finns inte.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        (organisation.Kind, organisation.ParentId) = (input.Kind, input.ParentId);
        (organisation.CoordinatorName, organisation.CoordinatorRole, organisation.CoordinatorEmail) = (input.CoordinatorName?.Trim() ?? "", input.CoordinatorRole?.Trim() ?? "", email);
        if (input.IsCoordinatingFunction)
        {
            // One coordinating function: naming a new one ends the old one's.
            await db.Organisations.Where(o => o.IsCoordinatingFunction && o.Id != id).ForEachAsync(o => o.IsCoordinatingFunction = false, cancellationToken);
        }

        organisation.IsCoordinatingFunction = input.IsCoordinatingFunction;
        organisation.Responsibilities.RemoveAll(r => !input.Responsibilities.ContainsKey(r.FocusAreaNumber) || string.IsNullOrWhiteSpace(input.Responsibilities[r.FocusAreaNumber]));
        foreach (var (number, text) in input.Responsibilities.Where(r => !string.IsNullOrWhiteSpace(r.Value)))
        {
            if (organisation.Responsibilities.FirstOrDefault(r => r.FocusAreaNumber == number) is { } existing)
            {
                existing.Text = text.Trim();
            }
            else
            {
                organisation.Responsibilities.Add(new Responsibility { FocusAreaNumber = number, Text = text.Trim() });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>Adds an external partner (a property owner, a business, an association …) or another body.</summary>
    public async Task<(Organisation? Organisation, Dictionary<string, string> Errors)> AddOrganisationAsync(string? name, OrganisationKind kind, int? parentId, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = "Ange organisationens namn.";
        }
        else if (await db.Organisations.AnyAsync(o => o.Name == name.Trim(), cancellationToken))
        {
            errors["name"] = $"Det finns redan en organisation som heter \"{name.Trim()}\".";
        }

        if (parentId is { } parent && !await db.Organisations.AnyAsync(o => o.Id == parent, cancellationToken))
        {
            errors["parent"] = "Den överordnade organisationen finns inte.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var organisation = new Organisation { Name = name!.Trim(), Kind = kind, ParentId = parentId };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return (organisation, errors);
    }

    public async Task<(CollaborationGroup? Group, Dictionary<string, string> Errors)> AddGroupAsync(GroupInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors["name"] = "Ge gruppen ett namn.";
        }

        CheckMandateAndPeriod(input.Kind, input.Mandate, input.Start, input.End, errors);

        var organisationIds = input.Members.Select(m => m.OrganisationId).Distinct().ToList();
        if (input.Members.Count == 0 || await db.Organisations.CountAsync(o => organisationIds.Contains(o.Id), cancellationToken) < organisationIds.Count)
        {
            errors["members"] = input.Members.Count == 0 ? "En grupp har minst en medlem." : "En av medlemsorganisationerna finns inte.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var group = new CollaborationGroup
        {
            Name = input.Name!.Trim(), Kind = input.Kind, Mandate = input.Mandate!.Trim(), Start = input.Start, End = input.End,
            Members = input.Members.Select(m => new GroupMember { OrganisationId = m.OrganisationId, Role = m.Role?.Trim() ?? "", PersonName = m.PersonName?.Trim() ?? "" }).ToList(),
            Links = input.ProblemIds.Select(id => new GroupLink { ProblemId = id }).Concat(input.MeasureIds.Select(id => new GroupLink { MeasureId = id })).ToList(),
        };
        db.Groups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return (group, errors);
    }

    /// <summary>
    /// Changes a group's mandate and period: what the group decides when warned that a working group's mandate ends, to
    /// prolong it or to end it now. The same rules as when it was added.
    /// </summary>
    public async Task<Dictionary<string, string>> UpdateGroupAsync(int groupId, string? mandate, DateOnly start, DateOnly? end, CancellationToken cancellationToken = default)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return new() { ["group"] = "Gruppen finns inte." };
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        CheckMandateAndPeriod(group.Kind, mandate, start, end, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        (group.Mandate, group.Start, group.End) = (mandate!.Trim(), start, end);
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    private static void CheckMandateAndPeriod(GroupKind kind, string? mandate, DateOnly start, DateOnly? end, Dictionary<string, string> errors)
    {
        if (kind == GroupKind.Working && end is null)
        {
            errors["end"] = "En arbetsgrupp är tidsbegränsad: ange när uppdraget slutar.";
        }
        else if (end < start)
        {
            errors["end"] = "Gruppen slutar innan den börjar.";
        }

        if (string.IsNullOrWhiteSpace(mandate))
        {
            errors["mandate"] = "Beskriv gruppens mandat: vad den får besluta om.";
        }

        PersonalData.Refuse(errors, ("mandate", mandate));
    }

    /// <summary>Working groups whose mandate ends within <see cref="WarningDays"/> days, or has ended, so that someone decides to end or prolong them.</summary>
    public async Task<IReadOnlyList<CollaborationGroup>> EndingGroupsAsync(CancellationToken cancellationToken = default)
    {
        var soon = SwedishTime.Today(time).AddDays(WarningDays);
        return await db.Groups.AsNoTracking().Where(g => g.Kind == GroupKind.Working && g.End != null && g.End <= soon).OrderBy(g => g.End).ToListAsync(cancellationToken);
    }

    public async Task<(Meeting? Meeting, Dictionary<string, string> Errors)> AddMeetingAsync(int groupId, DateOnly? date, string? agenda, string? notes, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            errors["group"] = "Gruppen finns inte.";
        }

        if (date is null)
        {
            errors["date"] = "Ange mötets datum.";
        }

        if (string.IsNullOrWhiteSpace(agenda))
        {
            errors["agenda"] = "Skriv dagordningen.";
        }

        PersonalData.Refuse(errors, ("agenda", agenda), ("notes", notes));

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var meeting = new Meeting { GroupId = groupId, Date = date!.Value, Agenda = agenda!.Trim(), Notes = notes?.Trim() ?? "" };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return (meeting, errors);
    }

    /// <summary>Records a decision of a meeting, the measure it concerns if any, and the task it gives, if any.</summary>
    public async Task<(Decision? Decision, Dictionary<string, string> Errors)> AddDecisionAsync(int meetingId, DecisionInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, cancellationToken))
        {
            errors["meeting"] = "Mötet finns inte.";
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors["text"] = "Skriv beslutet.";
        }

        if (input.MeasureId is { } measure && !await db.Measures.AnyAsync(m => m.Id == measure, cancellationToken))
        {
            errors["measure"] = "Åtgärden finns inte.";
        }

        var hasTask = !string.IsNullOrWhiteSpace(input.TaskTitle);
        if (hasTask && (input.TaskOwnerId is not { } owner || !await db.Organisations.AnyAsync(o => o.Id == owner, cancellationToken)))
        {
            errors["taskOwner"] = "Ange vilken organisation som ska utföra uppgiften.";
        }

        if (hasTask && input.TaskDue is null)
        {
            errors["taskDue"] = "Ange när uppgiften ska vara klar.";
        }

        PersonalData.Refuse(errors, ("text", input.Text), ("taskTitle", input.TaskTitle));

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var decision = new Decision { MeetingId = meetingId, Text = input.Text!.Trim(), MeasureId = input.MeasureId };
        if (hasTask)
        {
            decision.Tasks.Add(new WorkTask { Title = input.TaskTitle!.Trim(), OwnerOrganisationId = input.TaskOwnerId!.Value, DueDate = input.TaskDue!.Value });
        }

        db.Decisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        return (decision, errors);
    }

    /// <summary>Open tasks, the overdue first; for one organisation and those under it when given.</summary>
    public async Task<IReadOnlyList<WorkTask>> OpenTasksAsync(int? organisationId = null, CancellationToken cancellationToken = default)
    {
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(cancellationToken);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.DoneOn == null).OrderBy(t => t.DueDate).ToListAsync(cancellationToken);
        return organisationId is null ? tasks : tasks.Where(t => OrganisationRules.ActsFor(organisationId, t.OwnerOrganisationId, organisations)).ToList();
    }

    public async Task<string?> CompleteTaskAsync(int taskId, string? comment, CancellationToken cancellationToken = default)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || task.DoneOn is not null)
        {
            return task is null ? "Uppgiften finns inte." : "Uppgiften är redan klar.";
        }

        (task.DoneOn, task.Comment) = (SwedishTime.Today(time), comment?.Trim() ?? "");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<(Agreement? Agreement, Dictionary<string, string> Errors)> AddAgreementAsync(AgreementInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors["title"] = "Ge överenskommelsen en rubrik.";
        }

        if (input.ValidFrom is null)
        {
            errors["validFrom"] = "Ange från och med när den gäller.";
        }
        else if (input.ValidTo < input.ValidFrom)
        {
            errors["validTo"] = "Överenskommelsen slutar gälla innan den börjar.";
        }
        else if (input.ReviewOn is { } review && (review < input.ValidFrom || (input.ValidTo is { } end && review > end)))
        {
            errors["reviewOn"] = "Revideringen ska ligga inom giltighetstiden.";
        }

        var parties = input.PartyIds.Distinct().ToList();
        if (parties.Count < 2 || await db.Organisations.CountAsync(o => parties.Contains(o.Id), cancellationToken) < parties.Count)
        {
            errors["parties"] = parties.Count < 2 ? "En överenskommelse har minst två parter." : "En av parterna finns inte.";
        }

        if (input.Kind == AgreementKind.CitizenPromise && string.IsNullOrWhiteSpace(input.Text))
        {
            errors["text"] = "Skriv vad medborgarlöftet lovar.";
        }

        var areas = await db.PriorityAreas.Select(p => p.Number).ToListAsync(cancellationToken);
        if (input.Goals.Keys.Any(n => !areas.Contains(n)))
        {
            errors["goals"] = "Ett av de prioriterade områdena finns inte.";
        }

        PersonalData.Refuse(errors, [("title", input.Title), ("text", input.Text), ("followUp", input.FollowUp), .. input.Goals.Values.Select(goal => ("goals", (string?)goal))]);

        var measures = input.MeasureIds.Distinct().ToList();
        if (await db.Measures.CountAsync(m => measures.Contains(m.Id), cancellationToken) < measures.Count)
        {
            errors["measures"] = "En av åtgärderna finns inte.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var agreement = new Agreement
        {
            Kind = input.Kind, Title = input.Title!.Trim(), Signatories = input.Signatories?.Trim() ?? "", ValidFrom = input.ValidFrom!.Value, ValidTo = input.ValidTo,
            ReviewOn = input.ReviewOn, Text = input.Text?.Trim() ?? "", FollowUp = input.FollowUp?.Trim() ?? "",
            Parties = parties.Select(id => new AgreementParty { OrganisationId = id }).ToList(),
            Goals = input.Goals.Where(g => !string.IsNullOrWhiteSpace(g.Value)).Select(g => new AgreementGoal { PriorityAreaNumber = g.Key, Goal = g.Value.Trim() }).ToList(),
            Measures = measures.Select(id => new AgreementMeasure { MeasureId = id }).ToList(),
        };
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return (agreement, errors);
    }

    /// <summary>Records an agreement's revision or follow-up: its validity, next review date and how it was followed up.</summary>
    public async Task<Dictionary<string, string>> UpdateAgreementAsync(int agreementId, DateOnly? validTo, DateOnly? reviewOn, string? followUp, CancellationToken cancellationToken = default)
    {
        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == agreementId, cancellationToken);
        if (agreement is null)
        {
            return new() { ["agreement"] = "Överenskommelsen finns inte." };
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (validTo < agreement.ValidFrom)
        {
            errors["validTo"] = "Överenskommelsen slutar gälla innan den börjar.";
        }
        else if (reviewOn is { } review && (review < agreement.ValidFrom || (validTo is { } end && review > end)))
        {
            errors["reviewOn"] = "Revideringen ska ligga inom giltighetstiden.";
        }

        PersonalData.Refuse(errors, ("followUp", followUp));

        if (errors.Count > 0)
        {
            return errors;
        }

        (agreement.ValidTo, agreement.ReviewOn, agreement.FollowUp) = (validTo, reviewOn, followUp?.Trim() ?? "");
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>Agreements whose review date or end falls within <see cref="WarningDays"/> days (or has passed while in force), with what is due.</summary>
    public async Task<IReadOnlyList<(Agreement Agreement, string Due)>> AgreementRemindersAsync(CancellationToken cancellationToken = default)
    {
        var today = SwedishTime.Today(time);
        var soon = today.AddDays(WarningDays);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.ValidTo == null || a.ValidTo >= today).ToListAsync(cancellationToken);
        return agreements
            .Select(a => (Agreement: a, Due: a.ValidTo is { } end && end <= soon ? $"slutar gälla {Day(end)}" : a.ReviewOn is { } r && r <= soon ? $"ska revideras {Day(r)}" : null))
            .Where(r => r.Due is not null).Select(r => (r.Agreement, r.Due!)).ToList();
    }

    public async Task<(SteeringDocument? Document, Dictionary<string, string> Errors)> AddSteeringDocumentAsync(SteeringDocumentInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors["title"] = "Ge dokumentet en rubrik.";
        }

        if (input.ValidFrom is null || input.ValidTo is null || input.ValidTo < input.ValidFrom)
        {
            errors["validTo"] = "Ange en giltighetstid där slutet kommer efter början.";
        }

        if (input.OwnerOrganisationId is { } owner && !await db.Organisations.AnyAsync(o => o.Id == owner, cancellationToken))
        {
            errors["owner"] = "Organisationen finns inte.";
        }

        if (input.Link is { Length: > 0 } link && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            errors["link"] = "Länken ska vara en webbadress som börjar med https://.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var document = new SteeringDocument
        {
            Title = input.Title!.Trim(), Kind = input.Kind, ValidFrom = input.ValidFrom!.Value, ValidTo = input.ValidTo!.Value, OwnerOrganisationId = input.OwnerOrganisationId,
            Link = input.Link?.Trim() ?? "", ActionPlanIds = string.Join(',', input.ActionPlanIds.Distinct()), AgreementIds = string.Join(',', input.AgreementIds.Distinct()),
        };
        db.SteeringDocuments.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return (document, errors);
    }

    /// <summary>Adds a safety investment; its stadsdel is found from the point, which must lie in the municipality.</summary>
    public async Task<(SafetyInvestment? Investment, Dictionary<string, string> Errors)> AddInvestmentAsync(InvestmentInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors["title"] = "Beskriv investeringen.";
        }

        if (input.CostSek < 0)
        {
            errors["cost"] = "Kostnaden kan inte vara negativ.";
        }

        if (input.Start is null || input.End is null || input.End < input.Start)
        {
            errors["end"] = "Ange start och slut, där slutet kommer efter starten.";
        }

        var area = input.Latitude is { } lat && input.Longitude is { } lon ? (await shapes.GetAsync(db, AreaLevel.Neighbourhood, cancellationToken)).At(lat, lon)?.Code : null;
        if (area is null)
        {
            errors["place"] = "Välj platsen på kartan: punkten ska ligga i kommunen.";
        }

        PersonalData.Refuse(errors, ("title", input.Title), ("genderAssessment", input.GenderAssessment));

        if (input.ResponsibleOrganisationId is { } owner && !await db.Organisations.AnyAsync(o => o.Id == owner, cancellationToken))
        {
            errors["responsible"] = "Organisationen finns inte.";
        }

        if (input.EffectEvaluationId is { } evaluation && !await db.EffectEvaluations.AnyAsync(e => e.Id == evaluation, cancellationToken))
        {
            errors["evaluation"] = "Effektutvärderingen finns inte.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var investment = new SafetyInvestment
        {
            Title = input.Title!.Trim(), Category = input.Category, Latitude = input.Latitude!.Value, Longitude = input.Longitude!.Value, AreaCode = area!,
            CostSek = input.CostSek, Start = input.Start!.Value, End = input.End!.Value, ResponsibleOrganisationId = input.ResponsibleOrganisationId,
            GenderAssessment = input.GenderAssessment?.Trim() ?? "", MeasureId = input.MeasureId, EffectEvaluationId = input.EffectEvaluationId,
        };
        db.SafetyInvestments.Add(investment);
        await db.SaveChangesAsync(cancellationToken);
        return (investment, errors);
    }

    /// <summary>The cost of the safety investments summed by the year they were finished, their stadsdel and their category.</summary>
    public async Task<InvestmentTotals> InvestmentTotalsAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.SafetyInvestments.AsNoTracking().ToListAsync(cancellationToken);
        return new InvestmentTotals(
            all.GroupBy(i => i.End.Year).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(i => i.CostSek)),
            all.GroupBy(i => i.AreaCode).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(i => i.CostSek)),
            all.GroupBy(i => i.Category).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(i => i.CostSek)));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Meetings with their decisions and the decisions' tasks, the latest first; a group's only when given. What a group's page and the API show.</summary>
    public async Task<IReadOnlyList<Meeting>> MeetingsAsync(int? groupId = null, CancellationToken cancellationToken = default) =>
        await db.Meetings.AsNoTracking().Include(m => m.Decisions).ThenInclude(d => d.Tasks).Where(m => groupId == null || m.GroupId == groupId)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).AsSplitQuery().ToListAsync(cancellationToken);
}

public sealed record OrganisationInput(OrganisationKind Kind, int? ParentId, string? CoordinatorName, string? CoordinatorRole, string? CoordinatorEmail,
    bool IsCoordinatingFunction, IReadOnlyDictionary<int, string> Responsibilities);

public sealed record MemberInput(int OrganisationId, string? Role, string? PersonName = null);

public sealed record GroupInput(string? Name, GroupKind Kind, string? Mandate, DateOnly Start, DateOnly? End, IReadOnlyList<MemberInput> Members,
    IReadOnlyList<int> ProblemIds, IReadOnlyList<int> MeasureIds);

public sealed record DecisionInput(string? Text, int? MeasureId = null, string? TaskTitle = null, int? TaskOwnerId = null, DateOnly? TaskDue = null);

public sealed record AgreementInput(AgreementKind Kind, string? Title, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<int> PartyIds,
    IReadOnlyDictionary<int, string> Goals, IReadOnlyList<int> MeasureIds, DateOnly? ReviewOn = null, string? Signatories = null, string? Text = null, string? FollowUp = null);

public sealed record SteeringDocumentInput(string? Title, SteeringDocumentKind Kind, DateOnly? ValidFrom, DateOnly? ValidTo, int? OwnerOrganisationId,
    string? Link, IReadOnlyList<int> ActionPlanIds, IReadOnlyList<int> AgreementIds);

public sealed record InvestmentInput(string? Title, InvestmentCategory Category, double? Latitude, double? Longitude, decimal CostSek, DateOnly? Start, DateOnly? End,
    int? ResponsibleOrganisationId, string? GenderAssessment = null, int? MeasureId = null, int? EffectEvaluationId = null);

public sealed record InvestmentTotals(IReadOnlyDictionary<int, decimal> ByYear, IReadOnlyDictionary<string, decimal> ByArea, IReadOnlyDictionary<InvestmentCategory, decimal> ByCategory);
