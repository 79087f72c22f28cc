using Microsoft.EntityFrameworkCore;

namespace QueueBench;

/// <summary>
/// An independent record of every start, kept by the database itself: a trigger logs each write of a
/// trial's StartedAt (a claim sets it, and so does an ask's insert of a running trial) with the worker
/// and slot. A trial claimed twice shows as two log rows for one trial, even if the second claim
/// overwrote a row that was already Running, whatever the store's code believes.
/// </summary>
public static class ClaimLog
{
    public static async Task InstallAsync(BenchDatabase db)
    {
        await using var ctx = await db.Factory.CreateDbContextAsync();
        string[] statements = db.Provider == "sqlite"
            ?
            [
                """CREATE TABLE "BenchClaims" ("TrialId" INTEGER NOT NULL, "Attempt" INTEGER NOT NULL, "WorkerId" TEXT, "Slot" INTEGER)""",
                """
                CREATE TRIGGER "BenchClaimOnInsert" AFTER INSERT ON "Trials" WHEN NEW."StartedAt" IS NOT NULL
                BEGIN INSERT INTO "BenchClaims" VALUES (NEW."Id", NEW."Attempt", NEW."WorkerId", NEW."Slot"); END
                """,
                """
                CREATE TRIGGER "BenchClaimOnUpdate" AFTER UPDATE OF "StartedAt" ON "Trials" WHEN NEW."StartedAt" IS NOT NULL
                BEGIN INSERT INTO "BenchClaims" VALUES (NEW."Id", NEW."Attempt", NEW."WorkerId", NEW."Slot"); END
                """,
            ]
            :
            [
                """CREATE TABLE "BenchClaims" ("TrialId" bigint NOT NULL, "Attempt" integer NOT NULL, "WorkerId" text, "Slot" integer)""",
                """
                CREATE FUNCTION bench_log_claim() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW."StartedAt" IS NOT NULL THEN
                    INSERT INTO "BenchClaims" VALUES (NEW."Id", NEW."Attempt", NEW."WorkerId", NEW."Slot");
                  END IF;
                  RETURN NEW;
                END $$
                """,
                """CREATE TRIGGER bench_claims AFTER INSERT OR UPDATE OF "StartedAt" ON "Trials" FOR EACH ROW EXECUTE FUNCTION bench_log_claim()""",
            ];
        foreach (var sql in statements) await ctx.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>"N starts, 0 twice" or throws: every trial of the search started exactly once.</summary>
    public static async Task<string> CheckAsync(BenchDatabase db, long searchId, int budget)
    {
        await using var ctx = await db.Factory.CreateDbContextAsync();
        var starts = await ctx.Database.SqlQueryRaw<long>("""SELECT "TrialId" AS "Value" FROM "BenchClaims" """).ToListAsync();
        var twice = starts.GroupBy(t => t).Count(g => g.Count() > 1);
        // Every trial of the search, the held-out test run included; the budget counts the sampled ones.
        var trials = await ctx.Trials.CountAsync(t => t.SearchId == searchId);
        var sampled = await ctx.Trials.CountAsync(t => t.SearchId == searchId && t.Kind == HyperSearch.Core.Searches.TrialKind.Search);
        if (twice > 0 || starts.Count != trials || sampled != budget)
            throw new InvalidOperationException($"claim check failed: {starts.Count} starts of {trials} trials ({sampled} sampled, budget {budget}), {twice} trials started more than once");
        return $"{starts.Count} starts of {trials} trials, none twice";
    }
}
