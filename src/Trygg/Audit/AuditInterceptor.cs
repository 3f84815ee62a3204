using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Trygg.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every recorded entity a save creates, changes or deletes (see <see cref="AuditRules"/>),
/// in the same transaction as the change, so that no code path can forget it and no change is kept without its entry.
/// A new entity's key exists only once it is inserted, so the entries are written right after the change and before the
/// commit: the interceptor opens the transaction itself when the caller has none. Refuses any change to the log itself.
/// Scoped, like the context: its state is that of the one save in progress.
/// </summary>
public sealed class AuditInterceptor(AuditActor actor, TimeProvider time) : SaveChangesInterceptor
{
    private List<PendingChange>? pending;
    private IDbContextTransaction? ownTransaction;
    private bool writingEntries;
    private Dictionary<string, Dictionary<string, int>>? batch;

    /// <summary>
    /// Runs <paramref name="work"/> (seeding demo or reference data) without an entry per record, and then writes one entry by
    /// <see cref="AuditActor"/> for the whole batch with its counts per entity and action — if it changed anything.
    /// </summary>
    public async Task<T> SummariseAsync<T>(DbContext db, string batchName, Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        batch = [];
        T result;
        Dictionary<string, Dictionary<string, int>> counts;
        try
        {
            result = await work();
        }
        finally
        {
            counts = batch;
            batch = null;
        }

        if (counts.Count > 0)
        {
            db.Add(NewEntry(AuditAction.Created, AuditEntityNames.Batch, batchName, before: null, AuditJson.Write(counts)));
            writingEntries = true;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                writingEntries = false;
            }
        }

        return result;
    }

    public Task SummariseAsync(DbContext db, string batchName, Func<Task> work, CancellationToken cancellationToken = default) =>
        SummariseAsync(db, batchName, async () =>
        {
            await work();
            return true;
        }, cancellationToken);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Collect(eventData.Context) && NeedsTransaction(eventData.Context!))
        {
            ownTransaction = eventData.Context!.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Collect(eventData.Context) && NeedsTransaction(eventData.Context!))
        {
            ownTransaction = await eventData.Context!.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (TakeEntries(eventData.Context) is { } context)
        {
            try
            {
                context.SaveChanges();
                ownTransaction?.Commit();
            }
            finally
            {
                EndSave();
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (TakeEntries(eventData.Context) is { } context)
        {
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                if (ownTransaction is not null)
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                await EndSaveAsync();
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => EndSave();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => EndSaveAsync();

    public override void SaveChangesCanceled(DbContextEventData eventData) => EndSave();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => EndSaveAsync();

    /// <summary>Notes what this save changes; true when something is to be logged.</summary>
    private bool Collect(DbContext? context)
    {
        if (context is null || writingEntries)
        {
            return false;
        }

        var changes = new List<PendingChange>();
        foreach (var entry in RecordedEntries(context))
        {
            var type = entry.Metadata.ClrType;
            switch (entry.State)
            {
                case EntityState.Added when AuditRules.RecordsCreation(type):
                    changes.Add(new PendingChange(entry, AuditAction.Created, null, null, null));
                    break;
                case EntityState.Modified:
                    var changed = entry.Properties.Where(p => p.IsModified && !AuditRules.IsLeftOut(p.Metadata.Name) && !Same(p)).ToList();
                    if (changed.Count > 0)
                    {
                        changes.Add(new PendingChange(entry, AuditAction.Updated, Key(entry), AuditJson.Write(changed, original: true), changed));
                    }

                    break;
                case EntityState.Deleted:
                    changes.Add(new PendingChange(entry, AuditAction.Deleted, Key(entry), AuditJson.Write(entry.Properties, original: true), null));
                    break;
            }
        }

        changes = WithoutReplacements(changes);
        if (batch is not null)
        {
            foreach (var change in changes)
            {
                var actions = batch.TryGetValue(EntityName(change.Entry.Metadata), out var found) ? found : batch[EntityName(change.Entry.Metadata)] = [];
                actions[change.Action] = actions.GetValueOrDefault(change.Action) + 1;
            }

            return false;
        }

        pending = changes.Count > 0 ? changes : null;
        return pending is not null;
    }

    /// <summary>
    /// Drops the pairs of a removed and an added entity with the same key and the same values: code that replaces a list of
    /// links (measure.Causes = …) deletes and re-adds the unchanged ones, which is no change to record.
    /// </summary>
    private static List<PendingChange> WithoutReplacements(List<PendingChange> changes)
    {
        var deleted = changes.Where(c => c.Action == AuditAction.Deleted)
            .ToDictionary(c => (c.Entry.Metadata.ClrType, c.Key!), c => c);
        if (deleted.Count == 0)
        {
            return changes;
        }

        var replaced = new HashSet<PendingChange>();
        foreach (var added in changes.Where(c => c.Action == AuditAction.Created && !c.Entry.Properties.Any(p => p.IsTemporary)))
        {
            if (deleted.TryGetValue((added.Entry.Metadata.ClrType, Key(added.Entry)), out var removed)
                && removed.Before == AuditJson.Write(added.Entry.Properties, original: false))
            {
                replaced.Add(added);
                replaced.Add(removed);
            }
        }

        return replaced.Count == 0 ? changes : changes.Where(c => !replaced.Contains(c)).ToList();
    }

    /// <summary>
    /// The tracked entities of recorded types, their changes detected: only theirs, because a save of tens of thousands of
    /// incidents (not recorded) must not pay for a second scan of them; EF scans everything once more itself.
    /// </summary>
    private static List<EntityEntry> RecordedEntries(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var recorded = Recorded(tracker);
            if (detect && recorded.Count > 0)
            {
                foreach (var entry in recorded)
                {
                    entry.DetectChanges();
                }

                // Detecting can start tracking entities added to a navigation (plan.Measures.Add(…)): look again.
                recorded = Recorded(tracker);
            }

            return recorded.Where(entry => !IsLogEntry(entry)).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>The entries of recorded types and the log's own, which are only watched so that a change to them is refused.</summary>
    private static List<EntityEntry> Recorded(ChangeTracker tracker)
    {
        var recorded = new List<EntityEntry>();
        foreach (var entry in tracker.Entries())
        {
            var type = entry.Metadata.ClrType;
            if ((type == typeof(AuditEntry) || AuditRules.IsRecorded(type)) && entry.State is not EntityState.Detached)
            {
                recorded.Add(entry);
            }
        }

        return recorded;
    }

    private static bool IsLogEntry(EntityEntry entry)
    {
        if (entry.Metadata.ClrType != typeof(AuditEntry))
        {
            return false;
        }

        if (entry.State is EntityState.Modified or EntityState.Deleted)
        {
            throw new InvalidOperationException("Granskningsloggen går bara att lägga till i: en post kan varken ändras eller tas bort.");
        }

        return true;
    }

    private static bool NeedsTransaction(DbContext context) =>
        context.Database.CurrentTransaction is null && System.Transactions.Transaction.Current is null;

    /// <summary>Adds the entries of the save that just ran (new keys are known now) and returns the context to save them in.</summary>
    private DbContext? TakeEntries(DbContext? context)
    {
        if (context is null || pending is null || writingEntries)
        {
            return null;
        }

        foreach (var change in pending)
        {
            var (key, after) = change.Action switch
            {
                AuditAction.Created => (Key(change.Entry), AuditJson.Write(change.Entry.Properties, original: false)),
                AuditAction.Updated => (change.Key!, AuditJson.Write(change.Changed!, original: false)),
                _ => (change.Key!, null),
            };
            context.Add(NewEntry(change.Action, EntityName(change.Entry.Metadata), key, change.Before, after));
        }

        pending = null;
        writingEntries = true;
        return context;
    }

    private AuditEntry NewEntry(string action, string entity, string key, string? before, string? after)
    {
        var (userName, from) = actor.Current();
        return new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            UserName = Truncate(userName, 256),
            From = Truncate(from, 64),
            Action = action,
            Entity = Truncate(entity, 100),
            EntityKey = Truncate(key, 100),
            Before = before,
            After = after,
        };
    }

    private void EndSave()
    {
        pending = null;
        writingEntries = false;
        var transaction = ownTransaction;
        ownTransaction = null;
        transaction?.Dispose();
    }

    private async Task EndSaveAsync()
    {
        pending = null;
        writingEntries = false;
        var transaction = ownTransaction;
        ownTransaction = null;
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }
    }

    private static bool Same(PropertyEntry property) =>
        property.Metadata.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue);

    private static string Key(EntityEntry entry) =>
        string.Join(',', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The class name without generic arity: "Measure", "IdentityUserRole".</summary>
    public static string EntityName(IReadOnlyTypeBase type)
    {
        var name = type.ClrType.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>A change seen before the save; the new key and the values after are read once it has run.</summary>
    private sealed record PendingChange(EntityEntry Entry, string Action, string? Key, string? Before, IReadOnlyList<PropertyEntry>? Changed);
}
