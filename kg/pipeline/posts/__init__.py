"""``kg_posts``: who holds which post, in ``doc._.kg_positions`` (a list of :class:`kg.records.Position`).

Posts are read from the words around a person's name: «министр иностранных дел Чили Хуан Перес», «с членом
правления, министром финансов Чили Хуаном Пересом» (two posts), «Хуан Перес, министр иностранных дел Чили,»,
«глава МИД Чили Хуан Перес». A head-of-state post named without a name («Президент Чили дал …») goes to the
one person the article names as that state's head («главой Чили Хуаном Пересом»).

The modules, in the order the data flows: :mod:`.lexicon` (the words), :mod:`.word` (words of a phrase),
:mod:`.bodies` (where a post is held), :mod:`.phrases` (a :class:`PostPhrase` read from a stretch of words),
:mod:`.holders` (the phrases that go with a name), :mod:`.verbs` (the posts a verb links to it), :mod:`.pronouns`
(posts a verb gives «он»/«она»), :mod:`.owners` (a name in the genitive inside a post phrase),
:mod:`.statements` (a :class:`Statement` that a person holds a post), :mod:`.component` (the spaCy component,
merging statements into positions).
"""

from __future__ import annotations

from kg.pipeline.posts.component import BODIES, Posts, make_posts
from kg.pipeline.posts.lexicon import HEAD_OF_STATE
from kg.pipeline.posts.phrases import PostPhrase
from kg.pipeline.posts.statements import Statement

__all__ = ["BODIES", "HEAD_OF_STATE", "PostPhrase", "Posts", "Statement", "make_posts"]
