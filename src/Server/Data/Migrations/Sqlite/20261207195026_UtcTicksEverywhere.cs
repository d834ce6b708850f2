using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MelanoGans.Server.Data.Migrations.Sqlite
{
    /// <summary>Every time is stored as UTC ticks by one convention; Identity's LockoutEnd was the last stored as text.</summary>
    public partial class UtcTicksEverywhere : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "LockoutEnd",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT",
                oldNullable: true);
            // The rebuilt table kept the text; as ticks since 0001-01-01 UTC (julian day 1721425.5), to the millisecond.
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET "LockoutEnd" = CAST(ROUND((julianday("LockoutEnd") - 1721425.5) * 86400000) AS INTEGER) * 10000
                WHERE typeof("LockoutEnd") = 'text';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "LockoutEnd",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET "LockoutEnd" = strftime('%Y-%m-%d %H:%M:%f', "LockoutEnd" / 864000000000.0 + 1721425.5) || '+00:00'
                WHERE typeof("LockoutEnd") = 'integer';
                """);
        }
    }
}
