using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperSearch.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 10000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Trials",
                type: "TEXT",
                maxLength: 661,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Searches",
                type: "TEXT",
                maxLength: 10000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Searches",
                type: "TEXT",
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
