#!/usr/bin/env python3
"""Writes the public reply corpus (../../../shared/corpus/replies) as `compersion parse --batch` input:
JSON Lines {"id", "body"}, every case repeated N times (default 150: 31,800 lines).

    python3 make-batch.py [N] > /tmp/batch.jsonl
"""
import json, os, sys

corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'corpus', 'replies')
manifest = json.load(open(os.path.join(corpus, 'manifest.json'), encoding='utf-8'))
bodies = [(case['id'], open(os.path.join(corpus, case['input_file']), encoding='utf-8', newline='').read()) for case in manifest['cases']]
for round_ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 150):
    for case_id, body in bodies:
        sys.stdout.write(json.dumps({'id': f'{case_id}#{round_}', 'body': body}, ensure_ascii=False) + '\n')
