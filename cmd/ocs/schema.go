package main

import (
	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/standard"
)

func newSchemaCmd() *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the TOML format, for editors",
		Long: `schema prints a JSON Schema (draft-07) of the TOML format of a standard. Editors that
understand JSON Schema for TOML (Taplo, the Even Better TOML extension of VS Code) then
complete keys, show what each field means and flag unknown keys and wrong types as you type.

Save it next to your standards and point to it from the first line of a file:

  #:schema ./ocs.schema.json

The schema checks the structure only; run ocs check for the rules of the guideline.`,
		Example: `  ocs schema -o ocs.schema.json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return writeFile(output, standard.Schema(), cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "-", "write the schema to this file instead of standard output")
	return cmd
}
