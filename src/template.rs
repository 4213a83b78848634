//! Rule messages with `{placeholders}` filled from what a check found.

/// A message split into literal text and placeholder names; `{{` and `}}` are literal braces.
#[derive(Debug, Clone)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Debug, Clone)]
enum Part {
    Text(String),
    Var(String),
}

impl Template {
    /// Parses `text`, accepting only the placeholder names in `known`.
    pub fn parse(text: &str, known: &[&str]) -> Result<Self, String> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    literal.push('}');
                }
                '{' => {
                    let mut name = String::new();
                    let closed = chars.by_ref().any(|c| {
                        c == '}' || {
                            name.push(c);
                            false
                        }
                    });
                    if !closed {
                        return Err(format!(
                            "`{{{name}` is not closed: write `{{{name}}}` for the placeholder, or `{{{{` for a literal brace"
                        ));
                    }
                    if !known.contains(&name.as_str()) {
                        return Err(format!(
                            "unknown placeholder `{{{name}}}`; this kind offers {}",
                            known.iter().map(|k| format!("`{{{k}}}`")).collect::<Vec<_>>().join(", ")
                        ));
                    }
                    parts.push(Part::Text(std::mem::take(&mut literal)));
                    parts.push(Part::Var(name));
                }
                '}' => return Err("a lone `}` (write `}}` for a literal brace)".into()),
                c => literal.push(c),
            }
        }
        parts.push(Part::Text(literal));
        Ok(Self { parts })
    }

    /// Fills the placeholders from `vars`.
    pub fn render(&self, vars: &[(&str, String)]) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Var(name) => {
                    if let Some((_, value)) = vars.iter().find(|(n, _)| n == name) {
                        out.push_str(value);
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_and_rejects_unknown_ones() {
        let template = Template::parse("“{found}” → {term} {{x}}", &["found", "term"]).unwrap();
        let vars = [("found", "Diclaimaer".to_string()), ("term", "Disclaimer".to_string())];
        assert_eq!(template.render(&vars), "“Diclaimaer” → Disclaimer {x}");
        assert!(Template::parse("{nope}", &["found"]).unwrap_err().contains("`{nope}`"));
        assert_eq!(
            Template::parse("bad {found", &["found"]).unwrap_err(),
            "`{found` is not closed: write `{found}` for the placeholder, or `{{` for a literal brace"
        );
    }
}
