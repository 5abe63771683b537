/* Search that answers the questions members type. Not loaded by pages: scripts/course/search_worker.py
   puts this file in front of Material's search worker, with the word list of
   scripts/course/query_words.yml as QUERY_WORDS, and gives the result a name from its content.
   Every assumption about Material's worker and lunr made here is checked by
   tests/test_material_contract.py.

   - Questions: the query is cut into the index's own words (the likeliest cut, as jieba cuts),
     and question and function words are dropped when other words remain (谁主持政党协商 is
     searched as 主持 政党 协商).
   - Every word counts: results hold all the words, whole, as the start of a longer word, or (in
     English) through their root (prepare: preparation). When fewer than three pages have them all,
     the sections with the most of them follow (and with none, they are the list) instead of an
     empty list. A lone Chinese character (写) only ranks.
   - Ranking: a Chinese word found whole counts ten times a longer word that starts with it (委员
     before 委员会); an English word's own forms count more than its root's; a title counts a
     thousand times the text (Material's field boost).
   - Speed: the site's build counts each section's words (scripts/course/search_counts.py), and
     lunr's Builder#add takes the counts instead of cutting the text; positions for highlighting are
     found for the sections a search returns. The same index, built in a fraction of the time; its
     field vectors are sorted once, not kept sorted term by term. */
(function (scope, words) {
  "use strict";

  var SETUP = 0, QUERY = 2;         // Material's message types: setup, (ready), query, (result)
  var TAG_OPEN = 0, TEXT = 1, TAG_CLOSE = 2;  // Material's kinds of table entry (internal/extract)
  var WHOLE_WORD = 10;              // weight of a word found whole; a longer word starting with it weighs 1
  var LONE_CHARACTER = 0.3;         // weight of a one-character Chinese word against a longer one
  var TIER = 1e7;                   // one more word found outweighs any difference of score
  var FEW = 3;                      // below this many pages with every word, partial matches follow
  var LONGEST = 8;                  // longest Chinese word looked up when cutting a query
  var COMMON = 0.5, RARE = 0.5;     // shares of sections given to question words and to unknown characters
  var HAN = /(\p{sc=Han}+)/u;
  var SYNTAX = /["+:^~*]|(^|\s)-/;  // the reader typed lunr's own syntax: leave the query as it is
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_", DIGIT_VALUES = new Int8Array(128);
  for (var d = 0; d < DIGITS.length; d++) DIGIT_VALUES[DIGITS.charCodeAt(d)] = d;
  var listed = Object.create(null);
  words.forEach(function (word) { listed[word] = true; });
  var NO_METADATA = Object.create(null);  // what a term's posting holds per document: positions are kept apart
  var state = { lunr: null, index: null, pipeline: null, separator: /\s+/, documents: 1, shares: Object.create(null),
                counted: null, added: 0, docs: [], raw: Object.create(null), fields: Object.create(null),
                sequences: Object.create(null) };

  /* The likeliest cut of a Chinese run into words, as jieba cuts text: each piece is weighed by how
     many sections hold it (a question or stop word counts as very common, an unknown character as
     very rare), so 民主党派 is cut 民主|党派 and not 民主党|派, and 大会上 is cut 大会|上. */
  function cut(run, vocabulary) {
    var best = [];
    best[run.length] = { weight: 0, pieces: [] };
    for (var start = run.length - 1; start >= 0; start--) {
      best[start] = null;
      for (var end = Math.min(run.length, start + LONGEST); end > start; end--) {
        var piece = run.slice(start, end), share = frequency(piece, vocabulary);
        if (share === 0) continue;
        var weight = best[end].weight + Math.log(share);
        if (best[start] === null || weight > best[start].weight) best[start] = { weight: weight, pieces: [piece].concat(best[end].pieces) };
      }
    }
    return best[0].pieces;
  }

  /* The share of sections a piece is found in; 0 for an unknown piece longer than one character. */
  function frequency(piece, vocabulary) {
    if (piece in state.shares) return state.shares[piece];
    var share = 0, posting = vocabulary[piece];
    if (listed[piece] === true) {
      share = COMMON;
    } else if (posting !== undefined) {
      for (var field in posting) if (field !== "_index") share += Object.keys(posting[field]).length;
      share = Math.min(share / state.documents, COMMON);
    } else if (dropped(piece)) {
      share = COMMON;
    } else if (piece.length === 1) {
      share = RARE / state.documents;
    }
    return (state.shares[piece] = share);
  }

  /* A word as the index holds it (lower case; English without surrounding punctuation), or "" for
     a word the index never holds: a listed question word or one of the index's stop words. */
  function indexed(word) {
    word = word.toLowerCase();
    return listed[word] === true ? "" : state.pipeline.runString(word)[0] || "";
  }

  function dropped(word) {
    return indexed(word) === "";
  }

  /* The words to search for, separated by spaces, as Material expects a query. */
  function rewrite(query) {
    if (state.index === null || SYNTAX.test(query)) return query;
    var pieces = [], kept = [];
    query.split(state.separator).forEach(function (part) {
      (part || "").split(HAN).forEach(function (run, i) {
        if (!run) return;
        if (i % 2) pieces.push.apply(pieces, cut(run, state.index.invertedIndex));
        else pieces.push(run);
      });
    });
    pieces.forEach(function (piece) {
      var word = indexed(piece);
      if (word && kept.indexOf(word) < 0) kept.push(word);
    });
    return (kept.length ? kept : pieces).join(" ");
  }

  /* Material hands lunr "word1* word2*"; anything else is searched the way lunr would. */
  function plainWords(queryString) {
    var found = [], terms = queryString.trim().split(/\s+/);
    for (var i = 0; i < terms.length; i++) {
      var match = /^([^*+\-:^~"]+)\*+$/.exec(terms[i]);
      if (!match) return null;
      var word = match[1].toLowerCase();
      if (found.indexOf(word) < 0) found.push(word);
    }
    return found.length ? found : null;
  }

  /* Sections with every required word first, by score. When fewer than FEW pages have them all,
     the sections with the most of them follow, so a question is never left without an answer.
     A word counts as found when a term starts with its root (prepare: preparation); Material is told
     so, or it would label the result "not found: prepare". */
  function rank(results, required, roots) {
    var most = 0, top = Object.create(null), complete = Object.create(null), pages = 0, kept = [];
    var counts = results.map(function (result) {
      var metadata = result.matchData.metadata, terms = Object.keys(metadata), count = 0;
      required.forEach(function (word) {
        if (!terms.some(function (term) { return term.lastIndexOf(roots[word], 0) === 0; })) return;
        if (!terms.some(function (term) { return term.lastIndexOf(word, 0) === 0; })) metadata[word] = Object.create(null);
        count++;
      });
      if (count === required.length && !complete[result.ref.split("#")[0]]) {
        complete[result.ref.split("#")[0]] = true;
        pages++;
      }
      most = Math.max(most, count);
      top[count] = Math.max(top[count] || 0, result.score);
      return count;
    });
    results.forEach(function (result, i) {
      if (pages >= FEW && counts[i] < required.length) return;
      var relative = top[counts[i]] > 0 ? result.score / top[counts[i]] : 1;
      result.score = Math.max(relative, 1e-6) * Math.pow(TIER, counts[i] - most);
      kept.push(result);
    });
    return kept.sort(function (a, b) { return b.score - a.score; });
  }

  /* The root an English word shares with its other forms (lunr's stemmer, when it only cuts the
     end off: preparation for prepare, differ for difference); a Chinese word is its own root. */
  function root(lunr, word) {
    if (HAN.test(word) || !/^[a-z]{4,}$/.test(word)) return word;
    var stem = lunr.stemmer(new lunr.Token(word)).toString();
    return stem.length >= 3 && word.lastIndexOf(stem, 0) === 0 ? stem : word;
  }

  /* A lone Chinese character (写, 办) is usually a verb or a particle: it orders the results but
     does not filter them, unless the query has nothing else. */
  function search(lunr, original) {
    return function (queryString) {
      var wanted = plainWords(queryString), roots = Object.create(null);
      if (wanted === null) return original.call(this, queryString);
      var strong = wanted.filter(function (word) { return !(word.length === 1 && HAN.test(word)); });
      return rank(this.query(function (query) {
        wanted.forEach(function (word) {
          var weight = strong.indexOf(word) < 0 ? LONE_CHARACTER : 1, prefix = lunr.Query.wildcard.TRAILING;
          roots[word] = root(lunr, word);
          if (HAN.test(word)) query.term(word, { usePipeline: false, boost: weight * WHOLE_WORD });
          query.term(word, { usePipeline: false, wildcard: prefix, boost: HAN.test(word) ? weight : WHOLE_WORD + 1 });
          if (roots[word] !== word) query.term(roots[word], { usePipeline: false, wildcard: prefix });
        });
      }), strong.length ? strong : wanted, roots);
    };
  }

  /* A word as the pipeline indexes it, or null for a word it drops (a stop word). */
  function termOf(text) {
    if (text in state.raw) return state.raw[text];
    var token = new state.lunr.Token(text, { position: 0 }), stack = state.pipeline._stack;
    for (var s = 0; s < stack.length; s++) {
      token = stack[s](token, 0, null);
      if (token === undefined || token === null || token === "") return (state.raw[text] = null);
    }
    return (state.raw[text] = token.toString());
  }

  /* A term's posting in the index being built, made the way lunr's Builder#add makes it. */
  function postingOf(builder, term, fields) {
    var posting = builder.invertedIndex[term];
    if (posting === undefined) {
      posting = builder.invertedIndex[term] = Object.create(null);
      posting._index = builder.termIndex++;
      for (var k = 0; k < fields.length; k++) posting[fields[k]] = Object.create(null);
    }
    return posting;
  }

  /* lunr 2.3.9's Builder#add for Material's one metadata key (position) and a pipeline of stop-word
     filters and trimmers, from the words the site's build counted (scripts/course/search_counts.py)
     instead of cutting the text: the first section added sets every section's counts up at once
     (`counts`); each section then only opens its tables. Positions are not stored per term and
     section (tens of thousands of small objects): `withPositions` finds them for the sections a
     search returns. Without counts, or with another pipeline, lunr's own Builder#add and Material's
     tokenizer run. */
  function add(lunr, original) {
    function simple(pipeline) {
      return pipeline._stack.every(function (fn) { return /^(stopWordFilter|trimmer)(-|$)/.test(fn.label || ""); });
    }
    return function (doc, attributes) {
      var builder = this, docRef = doc[this._ref], number = state.added++;
      if (number === 0 && state.counted !== null && (this.metadataWhitelist.join() !== "position" ||
          lunr.segmenter !== undefined || !simple(this.pipeline) || state.docs[0] !== doc ||
          state.counted.fields.join() !== Object.keys(this._fields).join())) state.counted = null;
      if (state.counted === null) return original.call(this, doc, attributes);
      if (number === 0) {
        state.pipeline = this.pipeline;
        counts(lunr, this);
      }
      this._documents[docRef] = attributes || {};
      this.documentCount += 1;
      Object.keys(this._fields).forEach(function (fieldName) {
        var extractor = builder._fields[fieldName].extractor, value = extractor ? extractor(doc) : doc[fieldName];
        if (value === undefined) return;
        state.fields[fieldName + "/" + docRef] = { value: value, table: lunr.tokenizer.table };  // Material's extractor opened it
      });
    };
  }

  /* Every section's term counts and lengths and every term's posting, as lunr's Builder#add leaves
     them after the last section: the counts per field are made in the order of the sections, the
     terms in the order they first occur, and a term several counted words give (English "duty," and
     "duty") takes its sections in their order. */
  function counts(lunr, builder) {
    var counted = state.counted, fields = counted.fields, size = fields.length, fieldRefs = [];
    var refs = state.docs.map(function (doc) { return doc[builder._ref]; });
    var frequencies = [], lengths = [], terms = [], words = Object.create(null);
    for (var section = 0; section < refs.length; section++) {
      for (var f = 0; f < size; f++) {
        var fieldRef = new lunr.FieldRef(refs[section], fields[f]).toString();
        fieldRefs.push(fieldRef);
        frequencies.push(builder.fieldTermFrequencies[fieldRef] = Object.create(null));
        lengths.push(0);
      }
    }
    counted.words.forEach(function (word, w) {
      var term = termOf(word);
      if (term === null) return;
      if (words[term] === undefined) terms.push(term), words[term] = [];
      words[term].push(w);
    });
    var posting, term, merged = new Float64Array(lengths.length), touched = [];
    function add(place, times) {
      posting[fields[place % size]][refs[(place - place % size) / size]] = NO_METADATA;
      frequencies[place][term] = (frequencies[place][term] || 0) + times;
      lengths[place] += times;
    }
    function merge(place, times) {
      if (merged[place] === 0) touched.push(place);
      merged[place] += times;
    }
    for (var t = 0; t < terms.length; t++) {
      term = terms[t];
      posting = postingOf(builder, term, fields);
      var numbers = words[term];
      if (numbers.length === 1) {
        eachPlace(counted.postings[numbers[0]], add);
        continue;
      }
      for (var n = 0; n < numbers.length; n++) eachPlace(counted.postings[numbers[n]], merge);
      touched.sort(function (a, b) { return a - b; });
      for (var k = 0; k < touched.length; k++) {
        add(touched[k], merged[touched[k]]);
        merged[touched[k]] = 0;
      }
      touched.length = 0;
    }
    for (var p = 0; p < lengths.length; p++) builder.fieldLengths[fieldRefs[p]] = lengths[p];
  }

  /* Reads one counted word's posting (scripts/course/search_counts.py says how it is written):
     `visit(place, times)` for each place (section × fields + field) that holds the word, in order. */
  function eachPlace(posting, visit) {
    var number = 0, place = -1, waiting = -1;
    for (var i = 0; i < posting.length; i++) {
      var digit = DIGIT_VALUES[posting.charCodeAt(i)];
      number = number * 32 + (digit & 31);
      if (digit >= 32) continue;
      if (waiting >= 0) {
        visit(waiting, number + 2);
        waiting = -1;
      } else {
        place += (number - number % 2) / 2 + 1;
        if (number % 2) waiting = place;
        else visit(place, 1);
      }
      number = 0;
    }
  }

  /* A field's terms in order, as pairs of term number and position (Material's block and span), cut
     with Material's tokenizer (internal/tokenize and internal/extract) the first time a search returns
     the section; Material's table of blocks, which it highlights with, is written as its tokenizer
     writes it. Undefined for a section lunr's own builder added: its positions are in the index. */
  function sequenceOf(fieldRef) {
    var sequence = state.sequences[fieldRef], field = state.fields[fieldRef];
    if (sequence !== undefined || field === undefined) return sequence;
    var separator = new RegExp(state.lunr.tokenizer.separator.source, "g"), table = field.table;
    var invertedIndex = state.index.invertedIndex;
    sequence = state.sequences[fieldRef] = [];
    (Array.isArray(field.value) ? field.value : [field.value]).forEach(function (input) {
      var total = table.length;
      extract(input, function (block, type, start, end) {
        var row = table[block + total] || (table[block + total] = []);
        if (type !== TEXT) return row.push(start << 12 | end - start << 2 | type);
        var section = input.slice(start, end), index = 0, match;
        separator.lastIndex = 0;
        do {
          match = separator.exec(section);
          var until = match ? match.index : section.length;
          if (index < until) {
            row.push(start + index << 12 | until - index << 2 | type);
            var term = termOf(section.slice(index, until).toLowerCase());
            if (term !== null) sequence.push(invertedIndex[term]._index, block + total << 20 | row.length - 1);
          }
          if (match) {
            index = match.index + match[0].length;
            if (match[0].length === 0) separator.lastIndex = match.index + 1;
          }
        } while (match);
      });
    });
    return sequence;
  }

  /* Material's internal/extract: HTML blocks, and text, opening and closing tags within them. */
  function extract(input, visit) {
    var block = 0, start = 0, end = 0, depth = 0;
    for (; end < input.length; end++) {
      if (input.charAt(end) === "<" && end > start) {
        visit(block, TEXT, start, start = end);
      } else if (input.charAt(end) === ">") {
        if (input.charAt(start + 1) === "/") {
          if (--depth === 0) visit(block++, TAG_CLOSE, start, end + 1);
        } else if (input.charAt(end - 1) !== "/") {
          if (depth++ === 0) visit(block, TAG_OPEN, start, end + 1);
        }
        start = end + 1;
      }
    }
    if (end > start) visit(block, TEXT, start, end);
  }

  /* The positions of every term found, as lunr's own builder would have stored them: one pass over
     each field's sequence per result. */
  function withPositions(results, index) {
    results.forEach(function (result) {
      var metadata = result.matchData.metadata, wanted = Object.create(null);
      Object.keys(metadata).forEach(function (term) {
        Object.keys(metadata[term]).forEach(function (field) {
          (wanted[field] || (wanted[field] = Object.create(null)))[index.invertedIndex[term]._index] = term;
        });
      });
      Object.keys(wanted).forEach(function (field) {
        var sequence = sequenceOf(field + "/" + result.ref), found = Object.create(null);
        if (sequence === undefined) return;  // added by lunr's own builder: the positions are there
        for (var i = 0; i < sequence.length; i += 2) {
          var term = wanted[field][sequence[i]];
          if (term !== undefined) (found[term] || (found[term] = [])).push(sequence[i + 1]);
        }
        Object.keys(found).forEach(function (term) { metadata[term][field] = { position: found[term] }; });
      });
    });
    return results;
  }

  /* lunr 2.3.9's Builder#createFieldVectors, the same scores in the same order of operations; each
     vector is sorted once instead of kept sorted by one binary search and splice per term. */
  function createFieldVectors(lunr) {
    return function () {
      var fieldVectors = {}, fieldRefs = Object.keys(this.fieldTermFrequencies), idfs = Object.create(null);
      var scores = new Float64Array(this.termIndex);
      for (var i = 0; i < fieldRefs.length; i++) {
        var fieldRef = lunr.FieldRef.fromString(fieldRefs[i]), fieldName = fieldRef.fieldName;
        var fieldLength = this.fieldLengths[fieldRef], frequencies = this.fieldTermFrequencies[fieldRef];
        var fieldBoost = this._fields[fieldName].boost || 1, docBoost = this._documents[fieldRef.docRef].boost || 1;
        var terms = Object.keys(frequencies), order = new Float64Array(terms.length);
        for (var j = 0; j < terms.length; j++) {
          var term = terms[j], tf = frequencies[term], posting = this.invertedIndex[term], idf = idfs[term];
          if (idf === undefined) idf = idfs[term] = lunr.idf(posting, this.documentCount);
          var score = idf * ((this._k1 + 1) * tf) / (this._k1 * (1 - this._b + this._b *
                      (fieldLength / this.averageFieldLength[fieldName])) + tf);
          score *= fieldBoost;
          score *= docBoost;
          scores[posting._index] = Math.round(score * 1000) / 1000;
          order[j] = posting._index;
        }
        order.sort();
        var elements = new Array(order.length * 2);
        for (var k = 0; k < order.length; k++) {
          elements[2 * k] = order[k];
          elements[2 * k + 1] = scores[order[k]];
        }
        fieldVectors[fieldRef] = new lunr.Vector(elements);
      }
      this.fieldVectors = fieldVectors;
    };
  }

  /* The build's word counts, when they are there and for the index's fields (else the worker cuts the text). */
  function countsOf(config) {
    var counted = config.counted, fields = Object.keys(config.fields || {});
    if (!counted || !Array.isArray(counted.fields) || counted.fields.join() !== fields.join() ||
        !Array.isArray(counted.words) || !Array.isArray(counted.postings) ||
        counted.postings.length !== counted.words.length) return null;
    return counted;
  }

  function patch(lunr) {
    var builder = lunr.Builder.prototype, build = builder.build, query = lunr.Index.prototype.query;
    builder.add = add(lunr, builder.add);
    builder.createFieldVectors = createFieldVectors(lunr);
    builder.build = function () {
      state.pipeline = this.pipeline;
      state.index = build.call(this);
      return state.index;
    };
    lunr.Index.prototype.query = function (fn) { return withPositions(query.call(this, fn), this); };
    lunr.Index.prototype.search = search(lunr, lunr.Index.prototype.search);
    state.lunr = lunr;
  }

  /* Material's worker listens for messages with the global addEventListener: see them first. */
  var listen = scope.addEventListener;
  scope.addEventListener = function (type, listener, options) {
    if (type !== "message") return listen.call(scope, type, listener, options);
    return listen.call(scope, type, function (event) {
      var message = event.data;
      if (message && message.type === SETUP) {
        if (state.lunr === null) patch(scope.lunr);
        state.counted = countsOf(message.data.config);
        state.added = 0;
        state.docs = message.data.docs;
        state.raw = Object.create(null);
        state.fields = Object.create(null);
        state.sequences = Object.create(null);
        state.shares = Object.create(null);
        state.documents = Math.max(1, message.data.docs.length);
        state.separator = new RegExp(message.data.config.separator);
      } else if (message && message.type === QUERY && typeof message.data === "string") {
        event = new MessageEvent("message", { data: { type: QUERY, data: rewrite(message.data) } });
      }
      return listener.call(this, event);
    }, options);
  };
  scope.courseSearch = { rewrite: rewrite, index: function () { return state.index; },  // for the tests
                         counted: function () { return state.counted !== null; } };
})(self, QUERY_WORDS);
