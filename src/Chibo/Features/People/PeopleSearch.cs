using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.People;

public enum PeopleSort
{
    Name,
    DateOfBirth,
    Class,
    StudentCode,
}

public enum PartyStatus
{
    Member,
    NonMember,
}

/// <summary>What the people list is asked for; every field comes from the query string.</summary>
public sealed record PeopleFilter
{
    public string? Text { get; init; }
    /// <summary>An organisation whose subtree the people must belong to (by unit or by union branch).</summary>
    public Guid? OrganisationId { get; init; }
    /// <summary>A class by its short name, e.g. "K23N3".</summary>
    public string? Class { get; init; }
    /// <summary>A Youth Union branch by its short name.</summary>
    public string? Branch { get; init; }
    public Gender? Gender { get; init; }
    public int? BirthYear { get; init; }
    /// <summary>The year a cohort entered, e.g. 2023 for the classes K23….</summary>
    public int? Cohort { get; init; }
    public PartyStatus? Party { get; init; }
    /// <summary>People admitted in this year (an admission decision dated in it): the list behind a dashboard's new members.</summary>
    public int? AdmittedYear { get; init; }
    public PeopleSort Sort { get; init; }
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
}

public sealed record PersonRow(
    Guid Id,
    string FullName,
    string? AcademicTitle,
    DateOnly? DateOfBirth,
    Gender Gender,
    string? Unit,
    string? StudentCode,
    string MaskedNationalId,
    bool IsYouthUnionMember,
    bool IsPartyMember);

/// <param name="TotalIsLowerBound">A name search matched more than <see cref="PeopleSearch.SearchCountCap"/>: the total says "more than".</param>
public sealed record PeoplePage(IReadOnlyList<PersonRow> Rows, int Total, int Page, int PageCount, bool TotalIsLowerBound = false);

/// <summary>
/// The people registry's list: the user's scope, the filters, a diacritic-blind name search, a sort and
/// one page. Two statements: the page of rows and the count.
/// </summary>
public sealed class PeopleSearch(AppDbContext db, CurrentUser me)
{
    public const int PageSize = 50;

    /// <summary>
    /// A name search counts at most this many matches: past it the user narrows the search rather than pages,
    /// and not counting every "nguyen" keeps the search inside its budget.
    /// </summary>
    public const int SearchCountCap = 2_000;

    public async Task<PeoplePage> RunAsync(PeopleFilter filter, CancellationToken cancellationToken = default)
    {
        var everyone = db.People.AsNoTracking();
        var match = await MatchAsync(await everyone.VisibleInAsync(db, me.PeopleScopes, cancellationToken), filter.Text, cancellationToken);
        var filtered = Filter(match.People, filter);
        if (match.InNameOrder is { } inNameOrder && filter.Sort == PeopleSort.Name)
        {
            // The scope, the match and the filters each return the query they were given when they leave it whole.
            var whole = ReferenceEquals(filtered, everyone);
            return await InNameOrderAsync(inNameOrder(filter.Descending), whole ? null : filtered, filter, cancellationToken);
        }

        var people = match.InNameOrder is { } words ? words(false).Join(filtered, w => w.PersonId, p => p.Id, (w, p) => p) : filtered;
        var capped = !string.IsNullOrWhiteSpace(filter.Text);
        if (capped && filter.Sort == PeopleSort.Name && db.Database.IsNpgsql())
        {
            // One pass over the matches gives the count and the page (a district's "nguyen", 20,000 of its people: 0.9 s
            // → 0.16 s at 2M). Not on SQLite, where the count and a page of 50 cost less (100,000 students: "nguyen"
            // 26 → 36 ms, "h" 24 → 39 ms in one pass).
            var ids = await Sort(people, filter.Sort, filter.Descending).Select(p => p.Id).Take(SearchCountCap + 1).ToListAsync(cancellationToken);
            return await PageOfAsync(ids, filter, cancellationToken);
        }

        var total = capped ? await people.Take(SearchCountCap + 1).CountAsync(cancellationToken) : await people.CountAsync(cancellationToken);
        var lowerBound = capped && total > SearchCountCap;
        total = Math.Min(total, capped ? SearchCountCap : int.MaxValue);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var rows = await RowsAsync(Sort(people, filter.Sort, filter.Descending).Skip((page - 1) * PageSize).Take(PageSize), cancellationToken);
        return new PeoplePage(rows, total, page, pageCount, lowerBound);
    }

    /// <summary>
    /// A common name's page in name order, read from the word or pair table's key, which holds each key's rows in
    /// name order: one statement reads the ids up to the count's cap in that order, which gives both the count and
    /// the page, and stops there; a second reads the page's people (<see cref="PageOfAsync"/>). Joined on the id
    /// alone, because the planner cannot tell that a join on (name, id) finds a row for every word row; not joined
    /// at all when the list is not narrowed (<paramref name="filtered"/> null): the triggers keep a row of the tables
    /// for every person, and 2,000 lookups of people would cost more than the rows they follow.
    /// </summary>
    private async Task<PeoplePage> InNameOrderAsync(IQueryable<NameWord> words, IQueryable<Person>? filtered, PeopleFilter filter, CancellationToken cancellationToken)
    {
        var matched = filtered is null ? words : words.Join(filtered, w => w.PersonId, p => p.Id, (w, p) => w);
        var sorted = filter.Descending
            ? matched.OrderByDescending(w => w.SearchName).ThenByDescending(w => w.PersonId)
            : matched.OrderBy(w => w.SearchName).ThenBy(w => w.PersonId);
        return await PageOfAsync(await sorted.Select(w => w.PersonId).Take(SearchCountCap + 1).ToListAsync(cancellationToken), filter, cancellationToken);
    }

    /// <summary>The page of a search's matches, from their ids in the list's order up to one past the count's cap.</summary>
    private async Task<PeoplePage> PageOfAsync(List<Guid> ids, PeopleFilter filter, CancellationToken cancellationToken)
    {
        var total = Math.Min(ids.Count, SearchCountCap);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var pageIds = ids.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var rows = await RowsAsync(db.People.AsNoTracking().Where(p => pageIds.Contains(p.Id)), cancellationToken);
        return new PeoplePage([.. rows.OrderBy(r => pageIds.IndexOf(r.Id))], total, page, pageCount, ids.Count > SearchCountCap);
    }

    private async Task<List<PersonRow>> RowsAsync(IQueryable<Person> people, CancellationToken cancellationToken)
    {
        var rows = await people
            .Select(p => new
            {
                p.Id,
                p.FullName,
                p.AcademicTitle,
                p.DateOfBirth,
                p.Gender,
                Unit = p.Organisation!.ShortName ?? p.Organisation.Name,
                p.StudentCode,
                p.NationalId,
                p.IsYouthUnionMember,
                IsPartyMember = db.Memberships.Any(m => m.PersonId == p.Id && m.EndedOn == null),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PersonRow(r.Id, r.FullName, r.AcademicTitle, r.DateOfBirth, r.Gender, r.Unit, r.StudentCode,
            PeopleText.MaskNationalId(r.NationalId), r.IsYouthUnionMember, r.IsPartyMember))];
    }

    /// <summary>Every person the filters match in the user's scope, sorted as the list is, without paging (the list's export).</summary>
    public async Task<IQueryable<Person>> FilteredAsync(PeopleFilter filter, CancellationToken cancellationToken = default)
    {
        var people = await MatchingTextAsync(await db.People.AsNoTracking().VisibleInAsync(db, me.PeopleScopes, cancellationToken), filter.Text, cancellationToken);
        return Sort(Filter(people, filter), filter.Sort, filter.Descending);
    }

    /// <summary>
    /// Every word of the folded query must begin a word of the folded name, so "yen vi" finds
    /// "Nguyễn Trịnh Yến Vi" and "an" does not find every "Tuấn". A query with a digit is a student code,
    /// matched from its start.
    /// </summary>
    /// <remarks>
    /// Two plans, chosen by how many names match (docs/PERFORMANCE.md has the figures). A rare word is looked up
    /// in a word index and its few people joined. When every word is common ("nguyen" is a third of the country),
    /// the people are read in name order, which the page stops early; joining hundreds of thousands of ids would
    /// cost more than that. The word index is a table of name words, and one of pairs of them, on PostgreSQL (the
    /// PersonNameWords and PersonNamePairs migrations) and FTS5 on SQLite (PeopleNameSearch).
    /// </remarks>
    public async Task<IQueryable<Person>> MatchingTextAsync(IQueryable<Person> people, string? text, CancellationToken cancellationToken = default)
    {
        var match = await MatchAsync(people, text, cancellationToken);
        return match.InNameOrder is { } words ? words(false).Join(match.People, w => w.PersonId, p => p.Id, (w, p) => p) : match.People;
    }

    /// <summary>
    /// The people a search matches: <see cref="People"/>, or, when <see cref="InNameOrder"/> is set, those of
    /// <see cref="People"/> who have one of its rows (joined on the id): the word table's rows of a common word,
    /// each name word's rows in name order (descending when asked) so that PostgreSQL merges them.
    /// </summary>
    private sealed record NameMatch(IQueryable<Person> People, Func<bool, IQueryable<NameWord>>? InNameOrder = null);

    private async Task<NameMatch> MatchAsync(IQueryable<Person> people, string? text, CancellationToken cancellationToken)
    {
        // Letters and digits only: nothing the user types reaches the word index's query syntax.
        var words = SearchText.Fold(text ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsLetterOrDigit)]))
            .Where(w => w.Length > 0)
            .Distinct()
            .ToArray();
        if (words.Length == 0)
        {
            return new(people);
        }

        if (words.Any(w => w.Any(char.IsAsciiDigit)))
        {
            // Codes are upper case and the query is upper-cased, so both databases agree.
            var code = string.Concat(words).ToUpperInvariant();
            if (db.Database.IsNpgsql())
            {
                return new(people.Where(p => p.StudentCode != null && p.StudentCode.StartsWith(code)));
            }

            // SQLite's LIKE ignores case and so cannot use the unique index; a byte-order range can.
            var next = code[..^1] + (char)(code[^1] + 1);
            return new(people.Where(p => string.Compare(p.StudentCode, code) >= 0 && string.Compare(p.StudentCode, next) < 0));
        }

        // A word that another begins adds nothing ("th" beside "thi"), and the rest begin disjoint sets of name words.
        words = [.. words.Where(w => !words.Any(o => o.Length > w.Length && o.StartsWith(w, StringComparison.Ordinal)))];
        return db.Database.IsNpgsql()
            ? await MatchingWordsOnPostgresAsync(people, words, cancellationToken)
            : new(await MatchingWordsOnSqliteAsync(people, words, cancellationToken));
    }

    /// <summary>Above this many matches a word counts as common, and is not looked up id by id.</summary>
    public int RareNameLimit { get; init; } = 2_000;

    /// <summary>A common query word beginning at most this many name words is read from the word table in name order.</summary>
    private const int MergedWords = 16;

    /// <summary>Common words whose people the statistics estimate at this many times the rare limit are not probed as a rare combination.</summary>
    private const int CommonPair = 10;

    /// <summary>One row of the word table: a word of a person's folded name, with the name it belongs to.</summary>
    private sealed record NameWord(string SearchName, Guid PersonId);

    /// <summary>One branch of a merge in name order: a key of the word table (one word) or of the pair table (two), and the words whose names an earlier branch keeps.</summary>
    private sealed record NameKey(string[] Words, string[] Earlier);

    /// <summary>A word <see cref="A"/> of one list and <see cref="B"/> of another, and the pair table's key they make.</summary>
    private sealed record NamePair(string A, string B, string First, string Second);

    /// <summary>A word and its share of the word table's rows, as the planner's statistics estimate it.</summary>
    private sealed record WordShare(string Word, float Share);

    private IQueryable<NameWord> WordRows(string prefix)
    {
        var (from, to) = PrefixRange(prefix);
        return db.Database.SqlQuery<NameWord>($"""SELECT "SearchName", "PersonId" FROM "PersonNameWords" WHERE "Word" >= {from} AND "Word" < {to}""");
    }

    private async Task<NameMatch> MatchingWordsOnPostgresAsync(IQueryable<Person> people, string[] words, CancellationToken cancellationToken)
    {
        // Each word's people, counted up to the limit: one range of the table's key each, a few ms even for "nguyen".
        var counted = new List<(string Word, int Count)>();
        foreach (var word in words)
        {
            counted.Add((word, await WordRows(word).Take(RareNameLimit + 1).CountAsync(cancellationToken)));
        }

        var rarest = counted.MinBy(c => c.Count);
        if (rarest.Count <= RareNameLimit)
        {
            var ids = await WordRows(rarest.Word).Select(w => w.PersonId).ToListAsync(cancellationToken);
            return new(StartingWords(people.Where(p => ids.Contains(p.Id)), words.Where(w => w != rarest.Word)));
        }

        if (!me.PeopleScopes.Any(s => s is null))
        {
            // A school's or a district's people are read from their units and tested name by name: the word table in name
            // order would walk the whole country's "nguyen" to find the few in scope (17 s for a cell's "nguyen thi").
            return new(StartingWords(people, words));
        }

        var statistics = await WordStatisticsAsync(cancellationToken);
        var byRows = words
            .OrderBy(w => statistics.Share(w))
            .ThenByDescending(w => w.Length)
            .ToList();
        // The people are read in name order from the key of the pair or word table, which holds each pair's or word's
        // rows in name order, so a page stops after its rows (and a rare match reads all of its few); a query word is
        // merged over the name words it begins ("thi": thi, thien, thinh…) when they are few. Two query words read
        // their pairs' rows, every one a match ("tran van" would otherwise walk the rows of "tran" past every
        // "tran thi"); where no two can, the rarest combination is probed, then one word's rows are read; where every
        // word begins many name words ("ng h"), the names are tested one by one.
        var beginning = new Dictionary<string, List<string>>();
        async Task<List<string>> Beginning(string word) =>
            beginning.TryGetValue(word, out var names) ? names : beginning[word] = await NameWordsBeginningAsync(word, cancellationToken);

        foreach (var (first, second) in byRows.SelectMany((w, i) => byRows.Skip(i + 1).Select(o => (w, o))))
        {
            var (firsts, seconds) = (await Beginning(first), await Beginning(second));
            if (firsts.Count is 0 or > MergedWords || seconds.Count is 0 or > MergedWords)
            {
                continue;
            }

            var pairs = await NamePairsAsync(firsts, seconds, cancellationToken);
            if (pairs.Count == 0)
            {
                return new(people.Where(p => false));
            }

            if (pairs.Count <= MergedWords)
            {
                // A name with several of the pairs is kept under the first: the first of its words in each list.
                var keys = pairs.Select(p => new NameKey([p.First, p.Second], [.. firsts.TakeWhile(w => w != p.A), .. seconds.TakeWhile(w => w != p.B)]));
                var rest = words.Where(w => w != first && w != second).ToList();
                return new(people, descending => StartingWords(InNameOrder(keys, descending), rest));
            }
        }

        // Probed only when the statistics, taking the words as independent, do not expect their people to be many
        // ("nguyen thi"): the probe would then read rows in vain until it reached its limit.
        var estimate = statistics.People * counted.Aggregate(1.0, (product, c) => product * Math.Max(c.Count, statistics.Rows(c.Word)) / Math.Max(1, statistics.People));
        if (words.Length > 1 && estimate <= CommonPair * RareNameLimit)
        {
            // Each word is common and no two make few enough pairs ("ng h"), but together they may be rare. The rows of
            // the word the planner's statistics think rarest are read from the key, the other words tested on the name
            // stored beside each row; no person is read. Under the limit, those few people are the match.
            var driver = byRows[0];
            var both = StartingWords(WordRows(driver), words.Where(w => w != driver));
            // Not DISTINCT in SQL: that would read every row before the first; a person twice in the range counts twice here.
            var ids = await both.Select(w => w.PersonId).Take(RareNameLimit + 1).ToListAsync(cancellationToken);
            if (ids.Count <= RareNameLimit)
            {
                return new(people.Where(p => ids.Contains(p.Id)));
            }
        }

        foreach (var word in byRows)
        {
            var names = await Beginning(word);
            if (names.Count is 0 or > MergedWords)
            {
                continue;
            }

            var keys = names.Select((n, i) => new NameKey([n], [.. names.Take(i)]));
            var others = words.Where(w => w != word).ToList();
            return new(people, descending => StartingWords(InNameOrder(keys, descending), others));
        }

        return new(StartingWords(people, words));
    }

    /// <summary>The name words that begin with <paramref name="prefix"/> ("thi": thi, thien, thinh…), one index probe each, up to one past the merge's limit.</summary>
    private Task<List<string>> NameWordsBeginningAsync(string prefix, CancellationToken cancellationToken)
    {
        var (low, high) = PrefixRange(prefix);
        return db.Database.SqlQuery<string>($"""
            WITH RECURSIVE names("Word") AS (
                (SELECT "Word" FROM "PersonNameWords" WHERE "Word" >= {low} AND "Word" < {high} ORDER BY "Word" LIMIT 1)
                UNION ALL
                SELECT (SELECT n."Word" FROM "PersonNameWords" AS n WHERE n."Word" > w."Word" AND n."Word" < {high} ORDER BY n."Word" LIMIT 1)
                FROM names AS w WHERE w."Word" IS NOT NULL)
            SELECT "Word" AS "Value" FROM names WHERE "Word" IS NOT NULL LIMIT {MergedWords + 1}
            """).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A word of <paramref name="firsts"/> and one of <paramref name="seconds"/> that some name has both of, in the lists'
    /// order, with the pair table's key (the lesser word first, as the database orders them).
    /// </summary>
    private Task<List<NamePair>> NamePairsAsync(List<string> firsts, List<string> seconds, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<NamePair>($"""
            SELECT a.w AS "A", b.w AS "B", least(a.w, b.w) AS "First", greatest(a.w, b.w) AS "Second"
            FROM unnest({firsts.ToArray()}::text[]) WITH ORDINALITY AS a(w, i), unnest({seconds.ToArray()}::text[]) WITH ORDINALITY AS b(w, j)
            WHERE EXISTS (SELECT FROM "PersonNamePairs" AS p WHERE p."First" = least(a.w, b.w) AND p."Second" = greatest(a.w, b.w))
            ORDER BY a.i, b.j
            """).ToListAsync(cancellationToken);

    /// <summary>
    /// The rows of each key in name order, merged: a key is one word of the word table or two of the pair table, and
    /// its rows exclude the names that have one of <see cref="NameKey.Earlier"/>, kept under an earlier key. Each
    /// branch is ordered in its own statement, exclusion included, so PostgreSQL merges the branches (Merge Append)
    /// instead of sorting them all.
    /// </summary>
    private IQueryable<NameWord> InNameOrder(IEnumerable<NameKey> keys, bool descending)
    {
        var order = descending ? "DESC" : "ASC";
        IQueryable<NameWord>? rows = null;
        foreach (var key in keys)
        {
            var (table, match) = key.Words.Length == 1
                ? ("PersonNameWords", "\"Word\" = {0}")
                : ("PersonNamePairs", "\"First\" = {0} AND \"Second\" = {1}");
            var earlier = key.Earlier.Select(e => $"% {e} %").ToArray();
            // Only the code's own table, key and direction are spliced in; the words are parameters.
            var sql = $$"""
                SELECT "SearchName", "PersonId" FROM "{{table}}"
                WHERE {{match}} AND NOT ' ' || "SearchName" || ' ' LIKE ANY ({{{key.Words.Length}}})
                ORDER BY "SearchName" {{order}}, "PersonId" {{order}}
                """;
            var these = db.Database.SqlQueryRaw<NameWord>(sql, [.. key.Words, earlier]);
            rows = rows is null ? these : rows.Concat(these);
        }

        return rows!;
    }

    /// <summary>
    /// What the planner's statistics know of the word table: its commonest words and their shares of its rows (a
    /// prefix's share is that of the common words it begins; a word among none of them is rarer than any), and the
    /// rows of the word table and of the people.
    /// </summary>
    private sealed record WordStatistics(List<WordShare> Common, double WordRows, double People)
    {
        public float Share(string prefix) => Common.Where(c => c.Word.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Share);

        public double Rows(string prefix) => Share(prefix) * WordRows;
    }

    private async Task<WordStatistics> WordStatisticsAsync(CancellationToken cancellationToken)
    {
        var common = await db.Database.SqlQuery<WordShare>($"""
            SELECT m.word AS "Word", m.share AS "Share"
            FROM pg_stats AS s, unnest(s.most_common_vals::text::text[], s.most_common_freqs) AS m(word, share)
            WHERE s.schemaname = current_schema() AND s.tablename = 'PersonNameWords' AND s.attname = 'Word'
            UNION ALL
            SELECT '"' || c.relname || '"', c.reltuples FROM pg_class AS c
            WHERE c.oid IN ('"PersonNameWords"'::regclass, '"People"'::regclass)
            """).ToListAsync(cancellationToken);
        // The tables' sizes come quoted, which no folded word can be; a table never analysed has -1.
        double Size(string table) => Math.Max(0, common.SingleOrDefault(c => c.Word == $"\"{table}\"")?.Share ?? 0);
        return new([.. common.Where(c => !c.Word.StartsWith('"'))], Size("PersonNameWords"), Size("People"));
    }

    private async Task<IQueryable<Person>> MatchingWordsOnSqliteAsync(IQueryable<Person> people, string[] words, CancellationToken cancellationToken)
    {
        // The word index is asked once: a rare name's ids are kept and passed to the count and the page.
        var match = string.Join(' ', words.Select(w => $"\"{w}\"*"));
        var ids = await db.Database.SqlQuery<Guid>($"SELECT PersonId AS Value FROM PeopleNameIndex WHERE PeopleNameIndex MATCH {match}")
            .Take(RareNameLimit + 1).ToListAsync(cancellationToken);
        return ids.Count <= RareNameLimit ? people.Where(p => ids.Contains(p.Id)) : StartingWords(people, words);
    }

    /// <summary>Word rows whose folded name has a word starting with each of <paramref name="words"/>.</summary>
    private static IQueryable<NameWord> StartingWords(IQueryable<NameWord> rows, IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            var anchored = " " + w;
            rows = rows.Where(r => (" " + r.SearchName).Contains(anchored));
        }

        return rows;
    }

    /// <summary>People whose folded name has a word starting with each of <paramref name="words"/>.</summary>
    private static IQueryable<Person> StartingWords(IQueryable<Person> people, IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            // The plain contains test is cheap and rejects most names; the anchored one (a space before
            // the word, so it starts a word) then runs only on the few that pass.
            var anchored = " " + w;
            people = people.Where(p => p.SearchName.Contains(w)).Where(p => (" " + p.SearchName).Contains(anchored));
        }

        return people;
    }

    /// <summary>The strings that start with <paramref name="prefix"/> are those from it up to this end (ordinal, letters and digits).</summary>
    private static (string From, string To) PrefixRange(string prefix) => (prefix, prefix[..^1] + (char)(prefix[^1] + 1));

    private IQueryable<Person> Filter(IQueryable<Person> people, PeopleFilter filter)
    {
        if (filter.OrganisationId is { } organisationId)
        {
            var root = db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Path);
            var subtree = db.Organisations.Where(o => root.Any(r => o.Path.StartsWith(r))).Select(o => (Guid?)o.Id);
            people = people.Where(p => subtree.Contains(p.OrganisationId) || subtree.Contains(p.UnionBranchId));
        }

        if (Normalise(filter.Class) is { } className)
        {
            var classes = db.Organisations.Where(o => o.Kind == OrganisationKind.SchoolClass && o.ShortName == className).Select(o => (Guid?)o.Id);
            people = people.Where(p => classes.Contains(p.OrganisationId));
        }

        if (Normalise(filter.Branch) is { } branchName)
        {
            var branches = db.Organisations.Where(o => o.Kind == OrganisationKind.UnionBranch && o.ShortName == branchName).Select(o => (Guid?)o.Id);
            people = people.Where(p => branches.Contains(p.UnionBranchId));
        }

        if (filter.Gender is { } gender)
        {
            people = people.Where(p => p.Gender == gender);
        }

        if (filter.BirthYear is { } year)
        {
            // A range, not .Year: it keeps the comparison a plain one on both databases.
            var from = new DateOnly(Math.Clamp(year, 1, 9998), 1, 1);
            var to = from.AddYears(1);
            people = people.Where(p => p.DateOfBirth >= from && p.DateOfBirth < to);
        }

        if (filter.Cohort is { } cohort)
        {
            // Classes are named after their cohort: K23N3 entered in 2023.
            var prefix = $"K{cohort % 100:00}";
            var classes = db.Organisations.Where(o => o.Kind == OrganisationKind.SchoolClass && o.ShortName!.StartsWith(prefix)).Select(o => (Guid?)o.Id);
            people = people.Where(p => classes.Contains(p.OrganisationId));
        }

        if (filter.AdmittedYear is { } admitted)
        {
            var from = new DateOnly(Math.Clamp(admitted, 1, 9998), 1, 1);
            var to = from.AddYears(1);
            var decided = db.CaseSteps.Where(s => s.Kind == Domain.Dossiers.EventKind.AdmissionDecision && s.VoidedAt == null && s.Date >= from && s.Date < to)
                .Join(db.Cases, s => s.CaseId, c => c.Id, (s, c) => c.PersonId);
            people = people.Where(p => decided.Contains(p.Id));
        }

        // An IN over the few members, not a correlated EXISTS per person: the database starts from the members.
        var members = db.Memberships.Where(m => m.EndedOn == null).Select(m => m.PersonId);
        people = filter.Party switch
        {
            PartyStatus.Member => people.Where(p => members.Contains(p.Id)),
            PartyStatus.NonMember => people.Where(p => !members.Contains(p.Id)),
            null => people,
        };
        return people;
    }

    private static string? Normalise(string? shortName) =>
        string.IsNullOrWhiteSpace(shortName) ? null : shortName.Trim().ToUpperInvariant();

    /// <summary>The chosen key, then the folded name and the id, so pages never overlap or skip a row.</summary>
    private static IQueryable<Person> Sort(IQueryable<Person> people, PeopleSort sort, bool descending) => (sort, descending) switch
    {
        (PeopleSort.DateOfBirth, false) => people.OrderBy(p => p.DateOfBirth).ThenBy(p => p.SearchName).ThenBy(p => p.Id),
        (PeopleSort.DateOfBirth, true) => people.OrderByDescending(p => p.DateOfBirth).ThenBy(p => p.SearchName).ThenBy(p => p.Id),
        (PeopleSort.Class, false) => people.OrderBy(p => p.Organisation!.ShortName).ThenBy(p => p.SearchName).ThenBy(p => p.Id),
        (PeopleSort.Class, true) => people.OrderByDescending(p => p.Organisation!.ShortName).ThenBy(p => p.SearchName).ThenBy(p => p.Id),
        (PeopleSort.StudentCode, false) => people.OrderBy(p => p.StudentCode).ThenBy(p => p.Id),
        (PeopleSort.StudentCode, true) => people.OrderByDescending(p => p.StudentCode).ThenBy(p => p.Id),
        (_, false) => people.OrderBy(p => p.SearchName).ThenBy(p => p.Id),
        (_, true) => people.OrderByDescending(p => p.SearchName).ThenByDescending(p => p.Id),
    };
}
