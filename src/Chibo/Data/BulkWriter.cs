using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Chibo.Data;

/// <summary>
/// Inserts many rows fast, inside the context's current transaction, using the EF model for table and
/// column names and for converting values: binary COPY on PostgreSQL, one prepared INSERT reused on
/// SQLite. Change tracking is bypassed, so callers own the consistency of what they write.
/// </summary>
public sealed class BulkWriter(AppDbContext db)
{
    public async Task InsertAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken = default) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToArray();
        var columns = properties.Select(p => p.GetColumnName(table)!).ToArray();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        if (connection is NpgsqlConnection npgsql)
        {
            var copy = $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c)))}) FROM STDIN (FORMAT BINARY)";
            // Facets such as (200) or (4,2) are not part of a type's name.
            var storeTypes = mappings.Select(m => m.StoreType.Split('(')[0]).ToArray();
            await using var importer = await npgsql.BeginBinaryImportAsync(copy, cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < properties.Length; i++)
                {
                    var value = ProviderValue(properties[i], mappings[i], row);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, storeTypes[i], cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c)))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        DbParameter[]? parameters = null;
        foreach (var row in rows)
        {
            if (parameters is null)
            {
                // The type mapping makes each parameter as EF would (converters, Guid and date formats);
                // later rows only change the values of the prepared statement.
                parameters = new DbParameter[properties.Length];
                for (var i = 0; i < properties.Length; i++)
                {
                    var value = properties[i].GetGetter().GetClrValueUsingContainingEntity(row);
                    parameters[i] = mappings[i].CreateParameter(command, "@p" + i, value, properties[i].IsNullable);
                    command.Parameters.Add(parameters[i]);
                }

                await command.PrepareAsync(cancellationToken);
            }
            else
            {
                for (var i = 0; i < properties.Length; i++)
                {
                    parameters[i].Value = ProviderValue(properties[i], mappings[i], row) ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static object? ProviderValue(IProperty property, RelationalTypeMapping mapping, object row)
    {
        var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
        var converter = mapping.Converter;
        return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
    }
}
