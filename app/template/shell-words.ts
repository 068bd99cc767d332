/**
 * Splits a Compose `command:` or `entrypoint:` string into words the way
 * `docker stack deploy` does (go-shellwords without variable or backtick
 * expansion): blanks separate words, quotes group them, a backslash
 * escapes the next character except inside single quotes.
 *
 * go-shellwords silently stops at an unquoted `;`, `&`, `|`, `<` or `>`,
 * dropping the rest of the command; Berth refuses those instead.
 */
export type ShellWords = { words: string[] } | { error: string; fix: string };

const BLANK = /[ \t\r\n]/;
const OPERATORS = ";&|<>";

/** Splits `line` into words, or explains why it cannot be split. */
export function splitShellWords(line: string): ShellWords {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: "'" | '"' | undefined;
  let escaped = false;

  for (const char of line) {
    if (escaped) {
      word += char;
      inWord = true;
      escaped = false;
    } else if (char === "\\" && quote !== "'") {
      escaped = true;
    } else if (quote) {
      if (char === quote) quote = undefined;
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (BLANK.test(char)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else if (OPERATORS.includes(char)) {
      return operatorError(char);
    } else {
      word += char;
      inWord = true;
    }
  }

  if (quote || escaped) {
    return {
      error: "the command has an unterminated quote or a trailing backslash",
      fix: "close the quote, or write the command as a list of words",
    };
  }
  if (inWord) words.push(word);
  return { words };
}

function operatorError(char: string): ShellWords {
  return {
    error: `the command uses the shell operator ${char} outside quotes`,
    fix:
      "a command string runs without a shell; write " +
      '["sh", "-c", "..."] to use shell operators',
  };
}
