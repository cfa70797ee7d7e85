using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chibo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChangeCounters",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeCounters", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "PendingUploads",
                columns: table => new
                {
                    Token = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingUploads", x => x.Token);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PendingUploads_UploadedAt",
                table: "PendingUploads",
                column: "UploadedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeCounters");

            migrationBuilder.DropTable(
                name: "PendingUploads");
        }
    }
}
