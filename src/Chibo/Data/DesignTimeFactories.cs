using Microsoft.EntityFrameworkCore.Design;

namespace Chibo.Data;

// Used only by `dotnet ef migrations add`: the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        (SqliteAppDbContext)DatabaseSetup.CreateContext(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db", "."));
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        (PostgresAppDbContext)DatabaseSetup.CreateContext(new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=chibo_design", "."));
}
