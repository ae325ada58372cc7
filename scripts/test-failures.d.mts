/** The part of a Vitest JSON report the summary reads. */
export interface VitestReport {
  testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { fullName: string; status: string }[];
  }[];
}

export function failuresIn(summary: VitestReport, project: string, projectDir: string): string[];
