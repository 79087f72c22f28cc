using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperSearch.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotesAndTags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Trials",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Trials",
                type: "character varying(661)",
                maxLength: 661,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Searches",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Searches",
                type: "character varying(661)",
                maxLength: 661,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Trials");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Trials");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Searches");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Searches");
        }
    }
}
