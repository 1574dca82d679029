// Operations a syntax cannot express. Rules only ask for them where the syntax
// has them (a section header in systemd), so reaching this is a rule bug.

export function noSections(syntax: string): never {
  throw new Error(`${syntax} has no sections to insert a header into`);
}
