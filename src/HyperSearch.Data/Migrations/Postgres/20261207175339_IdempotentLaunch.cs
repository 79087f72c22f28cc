using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperSearch.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IdempotentLaunch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LaunchFingerprint",
                table: "Searches",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LaunchKey",
                table: "Searches",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Searches_LaunchKey",
                table: "Searches",
                column: "LaunchKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Searches_LaunchKey",
                table: "Searches");

            migrationBuilder.DropColumn(
                name: "LaunchFingerprint",
                table: "Searches");

            migrationBuilder.DropColumn(
                name: "LaunchKey",
                table: "Searches");
        }
    }
}
